import fs from 'node:fs/promises';
import path from 'node:path';
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

/** Where routing records go (the compliance audit log in the app; a list in tests). */
export interface RouteAudit {
  record(entry: RouteAuditRecord): Promise<void>;
}

/**
 * Append-only JSON lines, flushed to disk before `record` resolves (a crash never loses a
 * record that was reported written). One line per record; a torn last line from a crash is
 * the only possible damage, and readers skip lines that do not parse.
 */
export function createJsonlRouteAudit(file: string): RouteAudit {
  let queue: Promise<void> = Promise.resolve();
  return {
    record(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      const write = queue.then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const handle = await fs.open(file, 'a');
        try {
          await handle.write(line);
          await handle.datasync();
        } finally {
          await handle.close();
        }
      });
      queue = write.catch(() => {});
      return write;
    },
  };
}

export function memoryRouteAudit(): RouteAudit & { entries: RouteAuditRecord[] } {
  const entries: RouteAuditRecord[] = [];
  return {
    entries,
    async record(entry) {
      entries.push(entry);
    },
  };
}
