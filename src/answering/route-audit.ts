import type { AdverseEventFields, ReplyRoute } from './reply.js';

/** What is recorded whenever a message is routed instead of answered. */
export interface RouteAuditRecord {
  at: string;
  user: string | null;
  threadId: string | null;
  kind: 'answer' | 'objection';
  question: string;
  route: ReplyRoute;
  reason: string;
  detail: string | null;
  product: string | null;
  fields?: AdverseEventFields;
}

/**
 * A hook for routed questions. The app needs none: the compliance audit log records every
 * routed reply with its reason (`context.routing`); tests pass a memory one to list them.
 */
export interface RouteAudit {
  record(entry: RouteAuditRecord): Promise<void>;
}

/** Routing records in memory (tests list them). */
export function memoryRouteAudit(): RouteAudit & { entries: RouteAuditRecord[] } {
  const entries: RouteAuditRecord[] = [];
  return {
    entries,
    async record(entry) {
      entries.push(entry);
    },
  };
}
