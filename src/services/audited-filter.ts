import type { AuditContext, AuditEntry, AuditRoute } from '../audit/audit-log.js';
import type { CheckResult } from '../compliance/types.js';
import type { ReplyBody } from '../answering/reply.js';
import type { ReplyDraft, ReplyFilter } from '../answering/reply-filter.js';
import type { AuditRecorder } from './audit-recorder.js';

/**
 * The reply filter the services hand to answering: every draft that passes the compliance
 * filter is written to the audit log before the `CheckedReply` exists, and the reply carries
 * the record's id (`auditId`). If the record cannot be written, `approve` throws
 * `AUDIT_UNAVAILABLE` and no reply is minted.
 */
export function auditedFilter(filter: ReplyFilter, audit: AuditRecorder): ReplyFilter {
  return {
    approve(draft, body, seal) {
      return filter.approve(draft, body, async (result, payload) => {
        const sealed = seal ? await seal(result, payload) : payload;
        return { ...sealed, auditId: await audit.recordDurably(replyEntry(draft, sealed, result)) };
      });
    },
  };
}

/** The audit record of an `ask` or `objection` draft. */
export function replyEntry(draft: ReplyDraft, body: ReplyBody, result: Readonly<CheckResult>): AuditEntry {
  const origin = draft.origin;
  const route: AuditRoute | null = result.route ?? body.route;
  const context: Record<string, AuditContext[string]> = {
    language: body.language,
    product: body.product,
    mode: body.mode,
    threadId: origin?.threadId ?? null,
  };
  if (body.category) context.category = body.category;
  if (body.routing) {
    const { route: routed, reason, detail, fields } = body.routing;
    context.routing = { route: routed, reason, detail, ...(fields ? { fields: { ...fields, event: [...fields.event] } } : {}) };
  }
  if (body.notes.length > 0) context.notes = [...body.notes];
  if (origin?.replaces !== undefined) context.replaces = origin.replaces;
  return {
    user: origin?.user ?? 'unknown',
    channel: origin?.channel ?? null,
    source: origin?.via ?? 'unknown',
    kind: origin?.kind ?? (body.kind === 'objection' ? 'objection' : 'ask'),
    question: origin?.question ?? body.question,
    draft: draft.text,
    sources: draft.sources.map((s) => ({ chunkId: s.id, approvalCode: s.approvalCode })),
    result,
    route,
    context,
  };
}
