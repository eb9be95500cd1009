import type { FeedbackRecord, UnansweredQuestion } from '../../src/feedback/feedback-record.js';

/** A 👎 (or 👍) on an answer, with defaults for what a test does not care about. */
export function click(overrides: Partial<FeedbackRecord> & Pick<FeedbackRecord, 'id' | 'at'>): FeedbackRecord {
  return {
    kind: 'answer',
    question: 'max dose of zorvex for kids?',
    route: null,
    approvalCodes: ['MLR-2025-0101'],
    verdict: 'pass',
    product: 'zorvex',
    auditId: null,
    user: 'U0REP0001',
    channel: 'C0FIELD01',
    messageTs: '1710000000.000001',
    rating: 'down',
    comment: null,
    ...overrides,
  };
}

export function unanswered(overrides: Partial<UnansweredQuestion> & Pick<UnansweredQuestion, 'at' | 'question'>): UnansweredQuestion {
  return {
    kind: 'answer',
    route: 'not-found',
    reason: 'no-approved-source',
    product: null,
    user: 'U0REP0001',
    threadId: null,
    auditId: null,
    ...overrides,
  };
}
