import type { AnswerReply } from '../answering/reply.js';
import { describeError } from '../core/errors.js';
import type { FeedbackStore } from './feedback-store.js';
import { unansweredQuestionOf } from './unanswered-question.js';

type Answer<O> = (text: string, options?: O) => Promise<AnswerReply>;

/**
 * `ask` or `objection` that also records each reply the approved material did not answer (see
 * `unansweredQuestionOf`) as a content gap. A store failure is logged and never costs the rep
 * the reply.
 */
export function recordingGaps<O extends { user?: string; threadId?: string }>(
  answer: Answer<O>,
  store: FeedbackStore,
  now: () => Date,
  log: (line: string) => void,
): Answer<O> {
  return async (text, options) => {
    const reply = await answer(text, options);
    const gap = unansweredQuestionOf(reply, { user: options?.user, threadId: options?.threadId }, now());
    if (gap) {
      await store.recordUnanswered(gap).catch((error: unknown) => {
        log(`Could not record an unanswered question for the content-gaps report: ${describeError(error)}`);
      });
    }
    return reply;
  };
}
