import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkSentences } from '../../src/answering/extract/chunk-sentences.js';
import type { ComplianceFilter } from '../../src/compliance/index.js';
import type { Chunk, Language, ProductCard } from '../../src/knowledge/types.js';
import { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import { complianceFilterFor } from '../../src/services/compliance-wiring.js';
import type { Services } from '../../src/services/services.js';
import { approvedChunks } from '../../src/training/approved-material.js';
import { postable } from '../../src/training/draft-checker.js';
import { normalizeForMatch } from '../../src/training/quiz/fact-questions.js';
import { distinctiveWords } from '../../src/training/quiz/faq-distractors.js';
import { faqQuestionSets } from '../../src/training/quiz/faq-questions.js';
import type { QuizQuestion } from '../../src/training/quiz/quiz.js';
import { quizTopic, quizTopicsOf } from '../../src/training/quiz/quiz-topics.js';
import { approveQuizQuestion, questionPassages, quizMaterial } from '../../src/training/training-texts.js';
import { tokenize } from '../../src/text/tokenize.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { sampleKnowledgeBase } from './helpers/training-services.js';

// FAQ questions' distractors (issue 6): verbatim approved sentences of the same product and
// language, on the question's topic where the material allows, never one that answers it.
// Real sample knowledge, the real compliance filter, no mocks.

let services: Services;
let kb: KnowledgeBase;
let filter: ComplianceFilter;
const today = new Date(EVAL_DAY);

beforeAll(async () => {
  // The snapshot the app builds, so the filter is the app's.
  ({ services, kb } = await sampleKnowledgeBase({ now: () => today }));
  filter = complianceFilterFor(SAMPLE_KNOWLEDGE)(kb);
}, 60_000);

afterAll(async () => {
  await services.close();
});

const card = (slug: string): ProductCard => {
  const found = kb.products.find((p) => p.slug === slug);
  if (!found) throw new Error(`no product ${slug}`);
  return found;
};
const sources = (slug: string) => approvedChunks(kb, slug, today).filter((c) => c.docType === 'label' || c.docType === 'faq');
const sets = (slug: string, language: Language) => faqQuestionSets(sources(slug), card(slug), language);
const distractorsOf = (q: QuizQuestion) => q.options.filter((_, i) => i !== q.correct);
const faqChunkOf = (q: QuizQuestion): Chunk => {
  const chunk = sources(q.product).find((c) => c.id === q.source.chunkId);
  if (!chunk) throw new Error(`${q.id}: source chunk not approved`);
  return chunk;
};

// The test's own reading of "a distinctive word": a token of the question (stopwords out) that
// is not the product's name and not one of these generic words, compared by stem or prefix.
const GENERIC = new Set(tokenize('use used take taken dose dosage patients daily once mg tablets 使用 服用 剂量 用量 用法 法用 患者 一起 起使 每日 一次 毫克'));
function questionWords(question: string, names: readonly string[]): string[] {
  let text = question;
  for (const n of [...names].sort((a, b) => b.length - a.length)) text = text.split(n).join(' ');
  return tokenize(text).filter((t) => !GENERIC.has(t) && !(t.length === 1 && /[\u3400-\u9fff]/.test(t)));
}
const sameWord = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && /^[a-z0-9]+$/.test(a) && (a.startsWith(b) || b.startsWith(a)));

const cases = [
  { product: 'zorvex', language: 'en', before: 9 },
  { product: 'zorvex', language: 'zh', before: 0 },
  { product: 'calmira', language: 'en', before: 7 },
  { product: 'calmira', language: 'zh', before: 1 },
] as const;

describe('FAQ quiz distractors', () => {
  for (const c of cases) {
    it(`${c.product} (${c.language}): every distractor is a verbatim approved sentence that does not answer the question`, () => {
      const { questions, alternatives } = sets(c.product, c.language);
      expect(questions.length).toBeGreaterThanOrEqual(c.before);
      const productChunks = sources(c.product).filter((ch) => ch.language === c.language);
      const sentences = new Set(productChunks.flatMap((ch) => chunkSentences(ch, 0).map((s) => s.text)));
      const names = [card(c.product).name, ...card(c.product).aliases];
      for (const base of questions) {
        for (const q of [base, ...(alternatives.get(base.id) ?? [])]) {
          expect(q.kind).toBe('faq');
          expect(q.id).toBe(base.id);
          expect(q.options[q.correct]).toBe(base.options[base.correct]);
          const answer = q.options[q.correct] as string;
          const own = chunkSentences(faqChunkOf(q), 0).map((s) => normalizeForMatch(s.text));
          const question = faqChunkOf(q).section as string;
          const words = questionWords(question, names);
          expect(distractorsOf(q).length, `${q.id}: at least two distractors`).toBeGreaterThanOrEqual(2);
          expect(new Set(q.options.map(normalizeForMatch)).size, `${q.id}: options are distinct`).toBe(q.options.length);
          for (const d of distractorsOf(q)) {
            // Verbatim: a whole sentence of an approved, unexpired label or FAQ chunk of this product, in this language.
            expect(sentences.has(d), `${q.id}: "${d}" is an approved sentence`).toBe(true);
            expect(productChunks.some((ch) => normalizeForMatch(ch.text).includes(normalizeForMatch(d)))).toBe(true);
            // Not the answer, nor another sentence of the FAQ item's own answer.
            expect(normalizeForMatch(d)).not.toBe(normalizeForMatch(answer));
            expect(own).not.toContain(normalizeForMatch(d));
            // No distinctive word of the question.
            const shared = tokenize(d).filter((t) => words.some((w) => sameWord(w, t)));
            expect(shared, `${q.id}: "${d}" shares ${shared.join(', ')} with "${question}"`).toEqual([]);
          }
        }
      }
    });

    it(`${c.product} (${c.language}): a distractor is on the question's topic whenever the question is not about its whole topic`, () => {
      const names = [card(c.product).name, ...card(c.product).aliases];
      for (const q of sets(c.product, c.language).questions) {
        const question = faqChunkOf(q).section as string;
        if (q.topic === 'other' || distinctiveWords(question, q.topic, names).topicWide) continue;
        const onTopic = distractorsOf(q).filter((d) => {
          const chunk = sources(c.product).find((ch) => ch.language === c.language && chunkSentences(ch, 0).some((s) => s.text === d));
          return quizTopicsOf(d).includes(q.topic) || quizTopicsOf(chunk?.section ?? '').includes(q.topic) || (chunk?.docType === 'faq' && quizTopic(chunk.section ?? '') === q.topic);
        });
        expect(onTopic.length, `${q.id} "${question}" (${q.topic}): ${distractorsOf(q).join(' | ')}`).toBeGreaterThanOrEqual(1);
      }
    });

    it(`${c.product} (${c.language}): as many FAQ questions survive the compliance minting as before (${c.before})`, async () => {
      const { questions, alternatives } = sets(c.product, c.language);
      const material = quizMaterial(approvedChunks(kb, c.product, today).map((ch) => ({ id: ch.id, text: ch.text, approvalCode: ch.approvalCode, product: c.product })));
      const origin = { activity: 'quiz', user: null, channel: null, session: null } as const;
      let minted = 0;
      for (const base of questions) {
        let asked = false;
        // As the generator does: the question, else its other sets of options (training-service.ts `checkedQuiz`).
        for (const q of [base, ...(alternatives.get(base.id) ?? [])]) {
          const s = q.source;
          const quote = await filter.check({ text: s.quote, language: q.language, product: q.product, sources: [{ id: s.chunkId, text: s.quote, approvalCode: s.approvalCode, product: q.product }] });
          if (!postable(quote)) continue;
          const passages = questionPassages(q, material);
          // Every option is found among the approved passages the question is grounded in.
          for (const o of q.options) expect(passages.some((p) => normalizeForMatch(p.text).includes(normalizeForMatch(o))), `${q.id}: "${o}" grounded`).toBe(true);
          if (await approveQuizQuestion(filter, q, passages, origin)) {
            asked = true;
            break;
          }
        }
        if (asked) minted++;
        else {
          // A question lost to the filter is lost for its stem (e.g. 儿童 in a Calmira question), never for its options.
          const stem = await filter.check({ text: base.prompt, language: base.language, product: base.product, sources: questionPassages(base, material) });
          expect(!postable(stem) || !stem.text.startsWith(base.prompt), `${base.id}: "${base.prompt}" was refused for its options`).toBe(true);
        }
      }
      expect(minted).toBeGreaterThanOrEqual(c.before);
    });
  }

  it('the cyclosporine/gemfibrozil question is distracted by other interactions, never by a sentence on those drugs', () => {
    const q = sets('zorvex', 'en').questions.find((x) => x.prompt.startsWith('Can Zorvex be used with cyclosporine or gemfibrozil?'));
    expect(q).toBeDefined();
    if (!q) return;
    expect(q.options[q.correct]).toBe('Avoid concomitant use of Zorvex with cyclosporine or with gemfibrozil.');
    for (const d of distractorsOf(q)) expect(d).not.toMatch(/cyclosporin|gemfibrozil/i);
    // The CYP3A4 dose limit (the label's or the FAQ's) or another interaction sentence.
    expect(distractorsOf(q).some((d) => /CYP3A4/.test(d))).toBe(true);
    expect(distractorsOf(q).filter((d) => quizTopicsOf(d).includes('interaction')).length).toBeGreaterThanOrEqual(2);
    // Nothing off-topic any more: no storage temperature, no starting dose, no indication.
    expect(distractorsOf(q).join('\n')).not.toMatch(/°C|starting dosage|indicated/);
  });

  it('the Chinese clarithromycin/itraconazole question is distracted by other interaction sentences of the Chinese label', () => {
    const q = sets('zorvex', 'zh').questions.find((x) => x.prompt.startsWith('佐维斯可以和克拉霉素或伊曲康唑一起使用吗？'));
    expect(q).toBeDefined();
    if (!q) return;
    for (const d of distractorsOf(q)) expect(d).not.toMatch(/克拉霉素|伊曲康唑/);
    const label = sources('zorvex').filter((ch) => ch.language === 'zh' && ch.docType === 'label');
    const interactionSection = label.find((ch) => ch.section === '药物相互作用');
    expect(interactionSection).toBeDefined();
    expect(distractorsOf(q).some((d) => interactionSection?.text.replace(/\*\*/g, '').includes(d))).toBe(true);
  });

  it('a question on its topic as a whole gets no distractor on that topic (any could answer it)', () => {
    for (const [slug, language, prefix] of [
      ['zorvex', 'en', 'Who should not take Zorvex'],
      ['calmira', 'en', 'Who should not use Calmira'],
      ['calmira', 'en', 'How should Calmira be stored?'],
      ['zorvex', 'en', 'How should Zorvex tablets be stored?'],
      ['calmira', 'zh', '卡米拉应如何保存？'],
    ] as const) {
      const q = sets(slug, language).questions.find((x) => x.prompt.startsWith(prefix));
      expect(q, prefix).toBeDefined();
      if (!q) continue;
      for (const d of distractorsOf(q)) expect(quizTopicsOf(d), `${prefix}: "${d}"`).not.toContain(q.topic);
    }
    // "Do not give Calmira to patients with active TB" answers "Who should not use Calmira?" without its words.
    const contraindication = sets('calmira', 'en').questions.find((x) => x.prompt.startsWith('Who should not use Calmira'));
    expect(contraindication?.options.join('\n')).not.toMatch(/Do not give/);
  });

  it('a distractor never states a figure of the approved answer (the same fact in other words)', () => {
    const max = sets('zorvex', 'en').questions.find((x) => x.prompt.startsWith('What is the maximum daily dose of Zorvex?'));
    expect(max).toBeDefined();
    for (const d of max ? distractorsOf(max) : []) expect(d).not.toMatch(/\b(?:40|20) mg\b/);
    const zhMax = sets('zorvex', 'zh').questions.find((x) => x.prompt.startsWith('佐维斯的最大剂量是多少？'));
    expect(zhMax).toBeDefined();
    for (const d of zhMax ? distractorsOf(zhMax) : []) expect(d).not.toMatch(/(?:40|20)毫克|最大/);
  });

  it('is deterministic', () => {
    for (const c of cases) expect(JSON.stringify(sets(c.product, c.language).questions)).toBe(JSON.stringify(sets(c.product, c.language).questions));
  });
});
