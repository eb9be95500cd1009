import type { ReplyRoute } from '../answering/reply.js';

export type FeedbackRating = 'up' | 'down';
export const FEEDBACK_RATINGS: readonly FeedbackRating[] = ['up', 'down'];

/** What a 👍/👎 is about: enough of the answer to record a click without looking the answer up. */
export interface FeedbackSubject {
  kind: 'answer' | 'objection';
  question: string;
  route: ReplyRoute | null;
  /** Approval codes the answer cited. */
  approvalCodes: string[];
  /** The compliance verdict of the answer. */
  verdict: string;
  /** The product the answer was about (slug), when one was identified. */
  product?: string | null;
  /** The compliance audit record of the answer, when the reply carried one. */
  auditId?: number | null;
}

/** One 👍/👎, with the "what was wrong" comment when the user gave one. */
export interface FeedbackRecord extends FeedbackSubject {
  id: string;
  /** ISO time of the click. */
  at: string;
  user: string;
  channel: string | null;
  /** The answer message (absent for ephemeral answers to `/repbot`). */
  messageTs: string | null;
  rating: FeedbackRating;
  /** "What was wrong", when the user said. */
  comment: string | null;
}

/**
 * A question the approved material did not answer (route "not-found"), or that was sent to
 * Medical Information instead: a content gap even when nobody clicks 👎.
 */
export interface UnansweredQuestion {
  /** ISO time the question was answered. */
  at: string;
  kind: 'answer' | 'objection';
  question: string;
  route: ReplyRoute;
  /** Why: "no-approved-source", "off-label-use", … (see RoutingDetails.reason). */
  reason: string | null;
  product: string | null;
  user: string | null;
  /** The Slack thread or CLI session it was asked in. */
  threadId: string | null;
  /** The compliance audit record of the reply, when it carried one. */
  auditId: number | null;
}

/** Which records to read. `from`/`to` are inclusive: a date (YYYY-MM-DD, UTC) or a full ISO time. */
export interface FeedbackQuery {
  from?: string;
  to?: string;
  rating?: FeedbackRating;
  /** Newest records first (default: oldest first). */
  newestFirst?: boolean;
  limit?: number;
}

export type TimeQuery = Pick<FeedbackQuery, 'from' | 'to' | 'newestFirst' | 'limit'>;

/** A positive whole audit record id from whatever a reply carries (number or numeric string), else null. */
export function auditIdOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
