import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddings } from '../../src/retrieval/embeddings/create-embeddings.js';
import { IndexStore } from '../../src/retrieval/index-store.js';
import type { Chunk } from '../../src/knowledge/types.js';
import type { Services } from '../../src/services/services.js';
import { extractNumbers } from '../../src/compliance/numbers.js';
import { normalizeForMatch } from '../../src/training/quiz/fact-questions.js';
import type { QuizQuestion } from '../../src/training/quiz/quiz.js';
import { quizQuestionText } from '../../src/training/training-texts.js';
import { isCheckedReply } from '../../src/compliance/index.js';
import { trainingServices } from './helpers/training-services.js';

let services: Services;
let chunks: Map<string, Chunk>;

beforeAll(async () => {
  const started = await trainingServices();
  services = started.services;
  const index = await new IndexStore(started.dataDir).load(createEmbeddings(services.config.embeddings), 64);
  chunks = new Map((index?.vectors.chunks() ?? []).map(({ chunk }) => [chunk.id, chunk]));
}, 60_000);

afterAll(async () => {
  await services.close();
});

const figures = (text: string) => extractNumbers(text.toLowerCase()).filter((n) => n.unit !== null);

/** Every check a trainer would make by hand: the answer is in the source, the distractors are wrong. */
function expectGrounded(q: QuizQuestion): void {
  const chunk = chunks.get(q.source.chunkId);
  expect(chunk, `${q.id}: its source chunk is indexed`).toBeDefined();
  if (!chunk) return;
  expect(chunk.status).toBe('approved');
  expect(chunk.expiresOn === null || chunk.expiresOn >= '2026-06-01').toBe(true);
  expect(chunk.product).toBe(q.product);
  expect([chunk.approvalCode, chunk.file]).toEqual([q.source.approvalCode, q.source.file]);
  // The quote is verbatim from the approved passage…
  expect(normalizeForMatch(chunk.text)).toContain(normalizeForMatch(q.source.quote));
  const correct = q.options[q.correct] as string;
  // …and the correct option is what the quote says.
  expect(q.source.quote).toContain(correct);
  if (q.kind === 'fact') {
    expect(q.prompt.replace('_____', correct)).toContain(q.source.quote);
    const truth = figures(correct)[0];
    expect(truth).toBeDefined();
    const productText = [...chunks.values()].filter((c) => c.product === q.product).map((c) => c.text.toLowerCase()).join('\n');
    for (const [i, option] of q.options.entries()) {
      if (i === q.correct) continue;
      const figure = figures(option)[0];
      // A distractor is another figure in the same unit, stated somewhere in the product's material — never invented.
      expect(figure?.unit).toBe(truth?.unit);
      expect(figure?.value).not.toBe(truth?.value);
      expect(figures(productText).some((n) => n.unit === figure?.unit && n.value === figure?.value)).toBe(true);
      // …and filling it in gives a sentence the material does not say.
      expect(normalizeForMatch(productText)).not.toContain(normalizeForMatch(q.prompt.split('\n').pop()!.replace(/^.*?["“]/, '').replace(/["”]$/, '').replace('_____', option)));
    }
  } else {
    expect(q.source.quote).toBe(correct);
  }
  const distinct = new Set(q.options.map((o) => o.trim().toLowerCase()));
  expect(distinct.size, `${q.id}: options are distinct`).toBe(q.options.length);
  expect(q.options.filter((o) => o.trim().toLowerCase() === correct.trim().toLowerCase())).toHaveLength(1);
  expect(q.options.length).toBeGreaterThanOrEqual(3);
}

describe('quiz generation from the sample knowledge', () => {
  const cases = [
    { product: 'zorvex', language: 'en', min: 20 },
    { product: 'zorvex', language: 'zh', min: 15 },
    { product: 'calmira', language: 'en', min: 20 },
    { product: 'calmira', language: 'zh', min: 5 },
  ] as const;

  for (const c of cases) {
    it(`${c.product} (${c.language}): every correct answer is grounded in its source, no distractor equals it`, async () => {
      const quiz = await services.training.generateQuiz({ product: c.product, n: 20, language: c.language, seed: 'test' });
      expect(quiz.ok).toBe(true);
      if (!quiz.ok) return;
      expect(quiz.value.questions.length).toBeGreaterThanOrEqual(Math.min(c.min, 20));
      for (const checked of quiz.value.questions) {
        // Each question is minted by the compliance filter: its text is the stem and options as shown.
        expect(isCheckedReply(checked)).toBe(true);
        const q = checked.payload.question;
        expect(checked.text.startsWith(quizQuestionText(q))).toBe(true);
        expect(q.language).toBe(c.language);
        expectGrounded(q);
      }
      // Topics are mixed, not all doses.
      expect(new Set(quiz.value.questions.map((q) => q.payload.question.topic)).size).toBeGreaterThanOrEqual(3);
    });
  }

  it('never quizzes expired material (the 2025 savings card) and is reproducible with a seed', async () => {
    const a = await services.training.generateQuiz({ product: 'Zorvex', n: 20, language: 'en', seed: 's1' });
    const b = await services.training.generateQuiz({ product: 'zorvastatin', n: 20, language: 'en', seed: 's1' });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.questions.map((q) => q.payload.question.id)).toEqual(b.value.questions.map((q) => q.payload.question.id));
    expect(JSON.stringify(a.value)).not.toMatch(/Savings Card|\$10/);
  });

  it('names the products when asked for an unknown one', async () => {
    const quiz = await services.training.generateQuiz({ product: 'aspirin', n: 5, language: 'en' });
    expect(quiz).toMatchObject({ ok: false, error: { code: 'PRODUCT_UNKNOWN' } });
    if (!quiz.ok) expect(quiz.error.message).toMatch(/Zorvex/);
  });
});
