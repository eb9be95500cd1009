import { describe, expect, it } from 'vitest';
import { quizLeaderboardMessage, quizQuestionMessage, quizRevealMessage } from '../../src/slack/blocks/quiz-blocks.js';
import { doctorMessage, roleplayScoreMessage } from '../../src/slack/blocks/roleplay-blocks.js';
import { trainerSummaryBlocks } from '../../src/slack/blocks/trainer-summary-blocks.js';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import { loadSlackConfig } from '../../src/slack/slack-config.js';
import { parseQuizArgs, parseRoleplayArgs } from '../../src/slack/training-args.js';
import type { CheckedReply } from '../../src/compliance/index.js';
import { formatQuestion, formatReveal, formatScore } from '../../src/training/feedback-text.js';
import type { QuizQuestion } from '../../src/training/quiz/quiz.js';
import type { ScoredAttempt } from '../../src/training/scoring/attempt.js';
import type { TrainingOrigin } from '../../src/training/training-filter.js';
import {
  type DoctorLine,
  type DoctorLineBody,
  type QuizAnswerBody,
  type QuizQuestionBody,
  type ScoreFeedbackBody,
  type WrittenFeedbackBody,
  approveCoaching,
  approveDoctorLine,
  approveQuizAnswer,
  approveQuizQuestion,
} from '../../src/training/training-texts.js';
import type { RoleplayStep } from '../../src/training/training-types.js';
import { passThroughFilter } from './helpers/checked-replies.js';

const question = (i: number): QuizQuestion => ({
  id: `q${i}`,
  product: 'zorvex',
  language: 'en',
  kind: 'fact',
  topic: 'dose',
  prompt: 'Fill in the blank: "The maximum recommended dosage is _____ once daily <in adults>."',
  options: ['10 mg', '40 mg', '20 mg', '80 mg'],
  correct: 1,
  source: { chunkId: 'c', file: 'zorvex/faq.yaml', title: 'Zorvex FAQ', page: null, section: 'Dose', approvalCode: 'MLR-2025-0105', expiresOn: '2028-03-01', quote: 'The maximum recommended dosage is 40 mg once daily <in adults>.' },
});

const step = (doctor: DoctorLine): RoleplayStep => ({
  sessionId: 'S2', key: 'k', user: 'U0REP0001', product: 'zorvex', productName: 'Zorvex', persona: { id: 'cost-focused-gp', name: 'Dr. Patel' },
  language: 'en', category: 'price', turn: 0, maxTurns: 3, doctor, done: false, result: null,
});

const origin: TrainingOrigin = { activity: 'quiz', user: 'U0REP0001', channel: 'C0QUIZ001', session: 'S1' };
const minted = async (q: QuizQuestion) => {
  const checked = await approveQuizQuestion(passThroughFilter, q, [], origin);
  if (!checked) throw new Error('the question did not pass');
  return checked;
};

const failedZh: ScoredAttempt = {
  rubricVersion: 'v1', product: 'zorvex', category: 'price', language: 'zh', score: 0, rawScore: 40, outcome: 'fail',
  lines: [{ id: 'compliant', label: '合规', weight: 2, score: 0, gate: true, note: '第1轮：“佐维斯是最好的他汀。”——绝对化用语', coaching: '您的表述未通过合规检查：问题及原因见下文。' }],
  violations: [{ turn: 1, sentence: '佐维斯是最好的他汀。', ruleId: 'CN-SUP-001', category: 'superlative', why: '绝对化用语' }],
  evidence: [], wrongFigures: [],
  handler: { file: 'zorvex/objection-handler-zh.md', title: '佐维斯异议处理指南', section: '价格与费用', approvalCode: 'MLR-2025-0108', acknowledge: '费用很重要。', clarify: '您关心的是？', respond: '我无法详细讨论价格。', close: '需要我请市场准入团队联系您吗？' },
};

describe('training Block Kit builders', () => {
  it('a question has one button per option, values carrying session, question and choice, text escaped', async () => {
    const m = quizQuestionMessage('S1', await minted(question(1)), 1, 5);
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string; value: string; text: { text: string } }> };
    expect(actions.elements.map((e) => e.text.text)).toEqual(['A', 'B', 'C', 'D']);
    expect(actions.elements[1]).toMatchObject({ action_id: 'repbot_quiz_answer_1', value: 'S1|q1|1' });
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('&lt;in adults&gt;');
    // The stem and options are the checked text, each option's letter in bold.
    expect(text).toContain('*1/5* Fill in the blank');
    expect(text).toContain('\\n*B*  40 mg');
  });

  it('a reveal names the answer and quotes its checked source sentence (title, section, approval code)', async () => {
    const q = question(1);
    const answer = await approveQuizAnswer(passThroughFilter, q, origin);
    const m = quizRevealMessage({ sessionId: 'S1', questionId: 'q1', choice: 0, correct: false, repeated: false, correctIndex: 1, source: q.source, answer });
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('Not quite');
    expect(text).toContain('Answer: *B*');
    expect(text).toContain('Answer: *B*\\n> The maximum recommended dosage is 40 mg once daily &lt;in adults&gt;.');
    expect(text).toContain('Zorvex FAQ, Dose · MLR-2025-0105');
  });

  it('a leaderboard of a long quiz stays within the block limit', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => approveQuizAnswer(passThroughFilter, question(i), origin)));
    const m = quizLeaderboardMessage({ sessionId: 'S', product: 'zorvex', productName: 'Zorvex', language: 'en', answers, leaderboard: [{ user: 'U0REP0001', correct: 30, answered: 40, total: 40, score: 75 }], attemptIds: [1] });
    expect(m.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('🥇 <@U0REP0001>  30/40 (75%)');
    expect(text).toContain('*1. B*');
  });

  it('a failed role-play shows the checked coaching, the failing sentence (the rep\'s words) and why, and the approved handler', async () => {
    const coaching = await approveCoaching(passThroughFilter, failedZh, { ...origin, activity: 'roleplay' });
    const text = JSON.stringify(roleplayScoreMessage({ scored: failedZh, feedback: { coaching, written: null } }, 7).blocks);
    expect(text).toContain('得分: 0/100');
    expect(text).toContain('您的表述未通过合规检查');
    expect(text).toContain('佐维斯是最好的他汀。');
    expect(text).toContain('我无法详细讨论价格。');
    expect(text).toContain('MLR-2025-0108');
    expect(text).toContain('#7');
  });

  it('the doctor\'s line is the checked text', async () => {
    const line = await approveDoctorLine(passThroughFilter, 'Zorvex is too <expensive> for my patients.', [], { ...origin, activity: 'roleplay' }, { language: 'en', product: 'zorvex', speaker: 'Dr. Patel' });
    const text = JSON.stringify(doctorMessage(step(line)).blocks);
    expect(text).toContain('*Dr. Patel:* Zorvex is too &lt;expensive&gt; for my patients.');
  });
});

describe('training renderers refuse what the compliance filter did not mint', () => {
  // Shaped like the real thing, cast past the type checker: the run-time registry still refuses it.
  const forge = <T>(text: string, payload: T) => ({ text, compliance: { verdict: 'pass', text, findings: [], notes: [], route: null, language: 'en' }, payload }) as unknown as CheckedReply<T>;
  const refused = /did not pass the compliance filter/;

  it('a forged quiz question, answer, leaderboard answer, doctor line or coaching is refused', async () => {
    const q = question(1);
    const body = { language: 'en' as const, product: 'zorvex', auditId: null };
    expect(() => quizQuestionMessage('S1', forge<QuizQuestionBody>('Zorvex is the best statin. A) yes', { ...body, output: 'quiz-question', question: q }), 1, 1)).toThrow(refused);
    const answer = forge<QuizAnswerBody>('Zorvex cures everyone.', { ...body, output: 'quiz-answer', questionId: 'q1', correctIndex: 1, source: q.source });
    expect(() => quizRevealMessage({ sessionId: 'S1', questionId: 'q1', choice: 1, correct: true, repeated: false, correctIndex: 1, source: q.source, answer })).toThrow(refused);
    expect(() => quizLeaderboardMessage({ sessionId: 'S', product: 'zorvex', productName: 'Zorvex', language: 'en', answers: [answer], leaderboard: [], attemptIds: [] })).toThrow(refused);
    expect(() => doctorMessage(step(forge<DoctorLineBody>('Zorvex is the best statin.', { ...body, output: 'doctor-line', speaker: 'Dr. Patel' })))).toThrow(refused);
    const coaching = forge<ScoreFeedbackBody>('Say Zorvex is the best.', { ...body, output: 'score-feedback', sources: [] });
    expect(() => roleplayScoreMessage({ scored: failedZh, feedback: { coaching, written: null } }, 7)).toThrow(refused);
    // A real coaching with a forged written note is refused too.
    const real = await approveCoaching(passThroughFilter, failedZh, { ...origin, activity: 'roleplay' });
    const written = forge<WrittenFeedbackBody>('Tell them it works for everyone.', { ...body, output: 'written-feedback' });
    expect(() => roleplayScoreMessage({ scored: failedZh, feedback: { coaching: real, written } }, 7)).toThrow(refused);
  });

  it('so does the terminal', () => {
    const q = question(1);
    const body = { language: 'en' as const, product: 'zorvex', auditId: null };
    expect(() => formatQuestion(forge<QuizQuestionBody>('Zorvex is the best statin.', { ...body, output: 'quiz-question', question: q }), 1, 1)).toThrow(refused);
    expect(() => formatReveal(forge<QuizAnswerBody>('Zorvex cures everyone.', { ...body, output: 'quiz-answer', questionId: 'q1', correctIndex: 1, source: q.source }), true, 'en')).toThrow(refused);
    expect(() => formatScore(failedZh, { coaching: forge<ScoreFeedbackBody>('Say Zorvex is the best.', { ...body, output: 'score-feedback', sources: [] }), written: null })).toThrow(refused);
  });
});

describe('trainer summary', () => {
  it('the trainer summary lists reps, products and common mistakes', () => {
    const text = JSON.stringify(
      trainerSummaryBlocks(
        { attempts: 2, roleplays: 1, quizzes: 1, passRate: 50, byRep: [{ user: 'U0REP0001', attempts: 2, average: 45, fails: 1 }], byProduct: [{ product: 'zorvex', attempts: 2, average: 45 }], commonMistakes: [{ mistake: 'Compliant', count: 1 }], recent: [] },
        'Last 30 days',
      ),
    );
    expect(text).toContain('Training results');
    expect(text).toContain('<@U0REP0001> — 2 attempt(s), average 45, 1 compliance fail(s)');
    expect(text).toContain('Compliant — 1×');
  });
});

describe('/repbot quiz and roleplay arguments', () => {
  it('reads product, number and language', () => {
    expect(parseQuizArgs('zorvex 3')).toEqual({ product: 'zorvex', n: 3, language: 'en' });
    expect(parseQuizArgs('佐维斯')).toEqual({ product: '佐维斯', n: 5, language: 'zh' });
    expect(parseQuizArgs('calmira zh 4')).toEqual({ product: 'calmira', n: 4, language: 'zh' });
    expect(parseQuizArgs('')).toEqual({ product: '', n: 5, language: 'en' });
  });

  it('a single persona word is the persona, otherwise product then persona', () => {
    const isPersona = (w: string) => ['busy', 'skeptical'].includes(w);
    expect(parseRoleplayArgs('busy', isPersona)).toEqual({ product: undefined, persona: 'busy', language: 'en' });
    expect(parseRoleplayArgs('zorvex skeptical', isPersona)).toEqual({ product: 'zorvex', persona: 'skeptical', language: 'en' });
    expect(parseRoleplayArgs('calmira', isPersona)).toEqual({ product: 'calmira', persona: undefined, language: 'en' });
  });

  it('SLACK_TRAINERS_GROUP must be a user group ID', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_MODE: 'http', SLACK_SIGNING_SECRET: '0123456789abcdef0' };
    expect(loadSlackConfig({ ...base, SLACK_TRAINERS_GROUP: 'S0TRAINR1' }).trainersGroup).toBe('S0TRAINR1');
    expect(() => loadSlackConfig({ ...base, SLACK_TRAINERS_GROUP: '@trainers' })).toThrow(/SLACK_TRAINERS_GROUP: must be a user group ID/);
  });
});
