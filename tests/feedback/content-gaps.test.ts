import { describe, expect, it } from 'vitest';
import { buildContentGaps } from '../../src/feedback/content-gaps.js';
import { formatContentGaps } from '../../src/feedback/content-gaps-text.js';
import { questionKey } from '../../src/feedback/question-key.js';
import { click, unanswered } from './fixtures.js';

describe('questionKey', () => {
  it('groups English wordings by their content words', () => {
    expect(questionKey('What is the max dose of Zorvex?')).toBe(questionKey('zorvex max doses'));
    expect(questionKey('<@U0BOT0001> Does Calmira cause hair loss??')).toBe(questionKey('does calmira cause hair loss'));
    expect(questionKey('what does zorvex cost in germany?')).not.toBe(questionKey('what does calmira cost in germany?'));
  });

  it('groups Chinese wordings: full-width punctuation, spaces and particles do not matter', () => {
    expect(questionKey('佐维斯在德国卖多少钱？')).toBe(questionKey('佐维斯 在德国卖多少钱?'));
    expect(questionKey('Zorvex的最大剂量是多少？')).toBe(questionKey('ZORVEX 最大剂量是多少'));
    expect(questionKey('佐维斯在德国卖多少钱')).not.toBe(questionKey('佐维斯在法国卖多少钱'));
  });
});

describe('buildContentGaps', () => {
  const report = buildContentGaps({
    unanswered: [
      unanswered({ at: '2026-12-01T09:00:00.000Z', question: 'Does Calmira cause hair loss?', product: 'calmira', auditId: 7 }),
      unanswered({ at: '2026-12-03T09:00:00.000Z', question: 'does calmira cause hair loss', product: 'calmira' }),
      unanswered({ at: '2026-12-02T09:00:00.000Z', question: '佐维斯在德国卖多少钱', product: 'zorvex' }),
      unanswered({ at: '2026-12-04T09:00:00.000Z', question: '佐维斯在德国卖多少钱？', product: 'zorvex' }),
      unanswered({ at: '2026-12-04T10:00:00.000Z', question: 'can zorvex be used for migraine?', route: 'medical-information', reason: 'off-label-use', product: 'zorvex' }),
    ],
    feedback: [
      click({ id: 'f1', at: '2026-12-05T09:00:00.000Z', question: 'Calmira — does it cause hair loss?', comment: 'rep said hair loss is in the EU label', product: 'calmira', approvalCodes: ['MLR-2025-0201'], auditId: 9 }),
      click({ id: 'f2', at: '2026-12-05T10:00:00.000Z', question: 'max dose of zorvex for kids?', rating: 'up' }),
      click({ id: 'f3', at: '2026-12-06T10:00:00.000Z', question: 'Zorvex 的最大剂量是多少？', comment: '没有儿童剂量', approvalCodes: ['MLR-2025-0101'] }),
    ],
    from: '2026-12-01',
    to: '2026-12-07',
  });

  it('groups EN and ZH wordings by topic, counts them, and sorts by count then by the latest question', () => {
    expect(report.totals).toEqual({ unanswered: 4, sentToMedicalInformation: 1, notHelpful: 2, topics: 4 });
    expect(report.gaps.map((g) => [g.question, g.count])).toEqual([
      ['Calmira — does it cause hair loss?', 3],
      ['佐维斯在德国卖多少钱？', 2],
      ['Zorvex 的最大剂量是多少？', 1],
      ['can zorvex be used for migraine?', 1],
    ]);
    const [hairLoss, price] = report.gaps;
    expect(hairLoss).toMatchObject({
      unanswered: 2,
      notHelpful: 1,
      sentToMedicalInformation: 0,
      firstAsked: '2026-12-01T09:00:00.000Z',
      lastAsked: '2026-12-05T09:00:00.000Z',
      products: ['calmira'],
      alsoAskedAs: ['does calmira cause hair loss', 'Does Calmira cause hair loss?'],
      comments: ['rep said hair loss is in the EU label'],
      citedApprovalCodes: ['MLR-2025-0201'],
      reasons: ['no-approved-source'],
      auditIds: [7, 9],
    });
    expect(price).toMatchObject({ unanswered: 2, products: ['zorvex'], alsoAskedAs: ['佐维斯在德国卖多少钱'] });
  });

  it('ignores 👍 and is empty when nothing went wrong', () => {
    const none = buildContentGaps({ unanswered: [], feedback: [click({ id: 'u', at: '2026-12-01T00:00:00.000Z', rating: 'up' })] });
    expect(none.gaps).toEqual([]);
    expect(formatContentGaps(none)).toBe('No content gaps: every question was answered from approved material and no answer was marked not helpful.');
  });

  it('reads as plain words for medical affairs', () => {
    expect(formatContentGaps(report)).toMatchInlineSnapshot(`
      "Content gaps from 2026-12-01 to 2026-12-07: 4 topics — 4 questions the approved material did not answer, 1 question sent to Medical Information, 2 answers marked not helpful. Most asked first.

      1. "Calmira — does it cause hair loss?"
         Asked 3 times: 2 not answered, 1 answer marked not helpful; last asked 2026-12-05.
         Product: calmira.
         Also asked as: "does calmira cause hair loss"; "Does Calmira cause hair loss?".
         What reps said was wrong: "rep said hair loss is in the EU label".
         The unhelpful answers cited: MLR-2025-0201.

      2. "佐维斯在德国卖多少钱？"
         Asked 2 times: 2 not answered; last asked 2026-12-04.
         Product: zorvex.
         Also asked as: "佐维斯在德国卖多少钱".

      3. "Zorvex 的最大剂量是多少？"
         Asked once: 1 answer marked not helpful; last asked 2026-12-06.
         Product: zorvex.
         What reps said was wrong: "没有儿童剂量".
         The unhelpful answers cited: MLR-2025-0101.

      4. "can zorvex be used for migraine?"
         Asked once: 1 sent to Medical Information; last asked 2026-12-04.
         Product: zorvex."
    `);
  });
});

describe('a 👎 on an unanswered reply', () => {
  it('adds its comment to the topic without counting the question twice', () => {
    const report = buildContentGaps({
      unanswered: [unanswered({ at: '2026-12-01T09:00:00.000Z', question: 'does calmira cause hair loss?', auditId: 31 })],
      feedback: [
        click({ id: 'a', at: '2026-12-01T09:01:00.000Z', question: 'does calmira cause hair loss?', route: 'not-found', auditId: 31, comment: 'reps get this every week' }),
        click({ id: 'b', at: '2026-12-02T09:01:00.000Z', question: 'does calmira cause hair loss?', route: 'not-found', auditId: null }),
      ],
    });
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]).toMatchObject({ count: 2, unanswered: 1, notHelpful: 1, comments: ['reps get this every week'], auditIds: [31], lastAsked: '2026-12-02T09:01:00.000Z' });
  });
});
