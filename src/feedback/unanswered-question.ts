import { routeOf } from '../answering/reply-document.js';
import type { AnswerReply, ReplyBody } from '../answering/reply.js';
import { type UnansweredQuestion, auditIdOf } from './feedback-record.js';

/** Routes that leave the rep without an answer from approved material (pharmacovigilance is a report, not a gap). */
const GAP_ROUTES = new Set(['not-found', 'medical-information']);

/**
 * The content-gap entry for a reply the approved material did not answer ("not-found"), or
 * that was sent to Medical Information; null for an answer or an adverse-event route.
 */
export function unansweredQuestionOf(reply: AnswerReply, asked: { user?: string; threadId?: string }, at: Date): UnansweredQuestion | null {
  const route = routeOf(reply);
  if (route === null || !GAP_ROUTES.has(route)) return null;
  const body = reply.payload;
  return {
    at: at.toISOString(),
    kind: body.kind,
    question: body.question,
    route,
    reason: body.routing?.reason ?? (reply.compliance.verdict === 'routed' ? 'compliance-filter' : null),
    product: body.product,
    user: asked.user ?? null,
    threadId: asked.threadId ?? null,
    auditId: replyAuditId(body),
  };
}

/** The compliance audit record id a reply carries (null for replies minted outside the services). */
export function replyAuditId(body: ReplyBody): number | null {
  return auditIdOf(body.auditId);
}
