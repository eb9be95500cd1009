import { describe, expect, it } from 'vitest';
import { quizLeaderboardMessage, quizQuestionMessage, quizRevealMessage } from '../../src/slack/blocks/quiz-blocks.js';
import { roleplayScoreMessage } from '../../src/slack/blocks/roleplay-blocks.js';
import { trainerSummaryBlocks } from '../../src/slack/blocks/trainer-summary-blocks.js';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import { loadSlackConfig } from '../../src/slack/slack-config.js';
import { parseQuizArgs, parseRoleplayArgs } from '../../src/slack/training-args.js';
import type { QuizQuestion } from '../../src/training/quiz/quiz.js';
import type { ScoredAttempt } from '../../src/training/scoring/attempt.js';

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

describe('training Block Kit builders', () => {
  it('a question has one button per option, values carrying session, question and choice, text escaped', () => {
    const m = quizQuestionMessage('S1', question(1), 1, 5);
    const actions = m.blocks.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string; value: string; text: { text: string } }> };
    expect(actions.elements.map((e) => e.text.text)).toEqual(['A', 'B', 'C', 'D']);
    expect(actions.elements[1]).toMatchObject({ action_id: 'repbot_quiz_answer_1', value: 'S1|q1|1' });
    expect(JSON.stringify(m.blocks)).toContain('&lt;in adults&gt;');
  });

  it('a reveal names the answer and its source (title, section, approval code)', () => {
    const q = question(1);
    const m = quizRevealMessage({ sessionId: 'S1', questionId: 'q1', choice: 0, correct: false, repeated: false, correctIndex: 1, correctOption: '40 mg', source: q.source }, 'en');
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('Not quite');
    expect(text).toContain('*B* 40 mg');
    expect(text).toContain('Zorvex FAQ, Dose · MLR-2025-0105');
  });

  it('a leaderboard of a long quiz stays within the block limit', () => {
    const questions = Array.from({ length: 40 }, (_, i) => question(i));
    const m = quizLeaderboardMessage({ sessionId: 'S', product: 'zorvex', productName: 'Zorvex', language: 'en', questions, leaderboard: [{ user: 'U0REP0001', correct: 30, answered: 40, total: 40, score: 75 }], attemptIds: [1] });
    expect(m.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
    expect(JSON.stringify(m.blocks)).toContain('🥇 <@U0REP0001>  30/40 (75%)');
  });

  it('a failed role-play shows the failing sentence and why, and the approved handler', () => {
    const scored: ScoredAttempt = {
      rubricVersion: 'v1', product: 'zorvex', category: 'price', language: 'zh', score: 0, rawScore: 40, outcome: 'fail',
      lines: [{ id: 'compliant', label: '合规', weight: 2, score: 0, gate: true, note: '第1轮：“佐维斯是最好的他汀。”——绝对化用语' }],
      violations: [{ turn: 1, sentence: '佐维斯是最好的他汀。', ruleId: 'CN-SUP-001', category: 'superlative', why: '绝对化用语' }],
      evidence: [], wrongFigures: [],
      handler: { file: 'zorvex/objection-handler-zh.md', title: '佐维斯异议处理指南', section: '价格与费用', approvalCode: 'MLR-2025-0108', acknowledge: '费用很重要。', clarify: '您关心的是？', respond: '我无法详细讨论价格。', close: '需要我请市场准入团队联系您吗？' },
    };
    const text = JSON.stringify(roleplayScoreMessage(scored, 7).blocks);
    expect(text).toContain('得分: 0/100');
    expect(text).toContain('佐维斯是最好的他汀。');
    expect(text).toContain('MLR-2025-0108');
    expect(text).toContain('#7');
  });

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
