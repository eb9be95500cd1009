import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmConfig } from '../../src/answering/llm/llm-config.js';
import type { AuditRecord } from '../../src/audit/audit-log.js';
import { type CheckedReply, isCheckedReply } from '../../src/compliance/index.js';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { isRepbotError } from '../../src/core/errors.js';
import { auditFile } from '../../src/services/audit-recorder.js';
import { createServices } from '../../src/services/create-services.js';
import type { Services } from '../../src/services/services.js';
import type { TrainingBody, TrainingOutput } from '../../src/training/training-filter.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { startFakeOpenAi } from '../helpers/fake-openai-server.js';
import { tempDir } from '../helpers/temp-knowledge.js';

// Invariant (DESIGN.md §1.1) for training: every text a rep is shown — the doctor's opening and
// replies, quiz questions and revealed answers, the coaching and the LLM's written note — is a
// CheckedReply minted by the compliance filter, with an audit record written before it existed.
// Real knowledge base, real rules, real SQLite audit log; the LLM is a local fake server.

let services: Services;
let server: Awaited<ReturnType<typeof startFakeOpenAi>>;

const NOTE = 'Good acknowledgement of the cost concern. This attempt deserves 100 points. Next time, ask about coverage first.';

beforeAll(async () => {
  server = await startFakeOpenAi(() => ({ kind: 'answer', text: NOTE }));
  const llm: LlmConfig = { provider: 'openai-compatible', model: 'fake-model', baseUrl: server.baseUrl, apiKey: 'test', timeoutMs: 5_000 };
  const config = loadConfig({}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir: tempDir('repbot-training-audit-') });
  services = await createServices(config, { clock: fixedClock(EVAL_DAY), llm });
  await services.ingest();
}, 60_000);

afterAll(async () => {
  await services?.close();
  await server?.close();
});

function expectAudited(text: CheckedReply<TrainingBody> | null | undefined, expected: { kind: 'quiz' | 'roleplay'; output: TrainingOutput; user: string; session?: string | null }): AuditRecord {
  expect(isCheckedReply(text)).toBe(true);
  const checked = text as CheckedReply<TrainingBody>;
  expect(checked.payload.output).toBe(expected.output);
  expect(checked.payload.auditId).toEqual(expect.any(Number));
  const rec = services.auditLog().query().find((r) => r.id === checked.payload.auditId);
  expect(rec).toBeDefined();
  const record = rec as AuditRecord;
  expect(record).toMatchObject({ kind: expected.kind, user: expected.user, source: 'training', verdict: checked.compliance.verdict, finalText: checked.text });
  expect(record.context).toMatchObject({ output: expected.output, ...(expected.session !== undefined ? { session: expected.session } : {}) });
  return record;
}

const GOOD_PRICE = [
  'I understand, cost is an important consideration for you and your patients. Is your concern the cost to the patient, or coverage under the plans your patients use?',
  'Zorvex is available as 10 mg, 20 mg and 40 mg tablets taken once daily, with a recommended starting dosage of 10 mg once daily.',
  'Would it be helpful if I asked our Market Access team to contact your office with the coverage information?',
];

describe('every training text is checked and audited', () => {
  it('a role-play: the opening, each doctor reply, the coaching and the written note', async () => {
    const user = 'U0REP0077';
    const start = await services.training.startRoleplay({ product: 'zorvex', persona: 'cost', language: 'en', user, channel: 'C0TRAIN', key: 'audit-roleplay' });
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    const session = start.value.sessionId;
    const opening = expectAudited(start.value.doctor, { kind: 'roleplay', output: 'doctor-line', user, session });
    expect(opening).toMatchObject({ channel: 'C0TRAIN', context: { persona: 'cost-focused-gp', objection: 'price', turn: 0, product: 'zorvex' } });
    // Grounded in the approved objection handler it quotes.
    expect(opening.sources.map((s) => s.approvalCode)).toContain('MLR-2025-0107');
    expect(start.value.doctor?.text).toMatch(/expensive|afford/i);

    let step = start.value;
    for (const [i, text] of GOOD_PRICE.entries()) {
      const next = await services.training.roleplayTurn({ key: 'audit-roleplay', user, text });
      expect(next.ok).toBe(true);
      if (!next.ok) return;
      step = next.value;
      expect(expectAudited(step.doctor, { kind: 'roleplay', output: 'doctor-line', user, session }).context).toMatchObject({ turn: i + 1 });
    }
    expect(step.done).toBe(true);
    const result = step.result;
    expect(result?.scored.outcome).toBe('pass');

    const coaching = expectAudited(result?.feedback.coaching, { kind: 'roleplay', output: 'score-feedback', user, session });
    expect(coaching.context).toMatchObject({ attempt: result?.attemptId });
    expect(result?.feedback.coaching.text).toContain('Market Access');
    // The bot's own coaching lines survive the filter (no counts or turn numbers it would take for claims).
    for (const line of result?.scored.lines ?? []) expect(result?.feedback.coaching.text).toContain(line.label);
    expect(result?.feedback.coaching.compliance.findings.filter((f) => f.category === 'ungrounded-claim')).toEqual([]);
    expect(result?.feedback.coaching.payload.sources.map((s) => s.approvalCode)).toContain('MLR-2025-0107');

    // The LLM's note, as the filter lets it through: the unsupported "100 points" sentence is gone.
    expectAudited(result?.feedback.written, { kind: 'roleplay', output: 'written-feedback', user, session });
    expect(result?.feedback.written?.text).toContain('ask about coverage first');
    expect(result?.feedback.written?.text).not.toContain('100');
    expect(result?.scored.writtenFeedback).toBe(result?.feedback.written?.text);

    // The rep's own turns are on record too (as before), next to the bot's lines.
    const records = services.auditLog().query({ kind: 'roleplay', user }).filter((r) => r.context?.session === session);
    expect(records.filter((r) => r.context?.output === 'doctor-line')).toHaveLength(GOOD_PRICE.length + 1);
    expect(records.filter((r) => r.context?.output === undefined && GOOD_PRICE.includes(r.draft))).toHaveLength(GOOD_PRICE.length);
  });

  it('a quiz: each question as asked, each revealed answer, and the answers on the leaderboard', async () => {
    const user = 'U0REP0078';
    const quiz = await services.training.startQuiz({ product: 'zorvex', n: 3, language: 'en', user, channel: 'C0QUIZ' });
    expect(quiz.ok).toBe(true);
    if (!quiz.ok) return;
    const session = quiz.value.sessionId;
    expect(quiz.value.questions).toHaveLength(3);
    for (const q of quiz.value.questions) {
      const rec = expectAudited(q, { kind: 'quiz', output: 'quiz-question', user, session });
      expect(rec.context).toMatchObject({ question: q.payload.question.id, product: 'zorvex' });
      // Grounded in the approved passages its stem and options come from, the quoted one first among them.
      expect(rec.sources.map((s) => s.chunkId)).toContain(q.payload.question.source.chunkId);
      for (const option of q.payload.question.options) expect(q.text).toContain(option);
    }

    const first = quiz.value.questions[0]?.payload.question;
    expect(first).toBeDefined();
    if (!first) return;
    const answered = await services.training.answerQuiz({ sessionId: session, questionId: first.id, user, choice: first.correct });
    expect(answered.ok).toBe(true);
    if (!answered.ok) return;
    expect(answered.value.correct).toBe(true);
    const reveal = expectAudited(answered.value.answer, { kind: 'quiz', output: 'quiz-answer', user, session });
    expect(reveal.draft).toBe(first.source.quote);
    expect(answered.value.answer.text).toContain(first.source.quote);

    const finished = await services.training.finishQuiz({ sessionId: session, user });
    expect(finished.ok).toBe(true);
    if (!finished.ok) return;
    expect(finished.value.answers).toHaveLength(3);
    for (const answer of finished.value.answers) expectAudited(answer, { kind: 'quiz', output: 'quiz-answer', user, session });
  });

  it('a generated quiz (`quiz --json`) and a trainer\'s scored example are minted and audited too', async () => {
    const quiz = await services.training.generateQuiz({ product: 'calmira', n: 2, language: 'zh', user: 'trainer-1' });
    expect(quiz.ok).toBe(true);
    if (!quiz.ok) return;
    for (const q of quiz.value.questions) expectAudited(q, { kind: 'quiz', output: 'quiz-question', user: 'trainer-1', session: null });

    const scored = await services.training.scoreAnswer({ product: 'zorvex', category: 'price', language: 'en', turns: ['I understand. Zorvex is the best statin there is.'] });
    expect(scored.ok).toBe(true);
    if (!scored.ok) return;
    expect(scored.value.scored.outcome).toBe('fail');
    expectAudited(scored.value.feedback.coaching, { kind: 'roleplay', output: 'score-feedback', user: 'unknown', session: null });
    // The coaching is the bot's words only: the rep's failing sentence is shown apart, unfiltered.
    expect(scored.value.feedback.coaching.text).not.toContain('the best statin');
    for (const line of scored.value.scored.lines) expect(scored.value.feedback.coaching.text).toContain(`${line.label}${line.gate ? ' *' : ''} — ${line.coaching ?? line.note}`);
    expect(scored.value.scored.violations.map((v) => v.sentence)).toContain('Zorvex is the best statin there is.');
  });

  it('the chain still verifies', () => {
    const records = services.auditLog().query();
    expect(services.auditLog().verify()).toEqual({ ok: true, value: { records: records.length } });
  });
});

describe('fail closed: no training text without its audit record', () => {
  let broken: Services;
  beforeAll(async () => {
    const data = tempDir('repbot-training-audit-broken-');
    broken = await createServices(loadConfig({}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir: data }), { clock: fixedClock(EVAL_DAY) });
    await broken.ingest();
    // A folder where the database file should be: SQLite cannot open it.
    fs.mkdirSync(path.join(auditFile(data)), { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await broken?.close();
  });

  const attempts: Array<[string, (s: Services) => Promise<unknown>]> = [
    ['a role-play opening', (s) => s.training.startRoleplay({ product: 'zorvex', persona: 'cost', language: 'en', user: 'U1', key: 'broken-roleplay' })],
    ['a quiz', (s) => s.training.startQuiz({ product: 'zorvex', n: 2, language: 'en', user: 'U1' })],
    ['a scored example', (s) => s.training.scoreAnswer({ product: 'zorvex', category: 'price', language: 'en', turns: ['I understand.'] })],
  ];

  it.each(attempts)('%s is not given: AUDIT_UNAVAILABLE', async (_name, attempt) => {
    const error = await attempt(broken).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isRepbotError(error) && error.code).toBe('AUDIT_UNAVAILABLE');
  });
});
