import path from 'node:path';
import { AuditLog, type AuditEntry, type AuditRecord } from '../audit/audit-log.js';
import type { Clock } from '../core/clock.js';
import { RepbotError, describeError } from '../core/errors.js';

/** Where every checked draft is recorded: the SQLite `AuditLog` in the app. */
export interface AuditSink {
  append(entry: AuditEntry): AuditRecord;
  /** Written when the promise resolves, without holding up the event loop meanwhile (AuditLog). */
  appendDurably?(entry: AuditEntry): Promise<AuditRecord>;
}

/** The audit log the services write and the `audit` command reads. */
export interface AuditRecorder {
  /**
   * Records one checked draft and returns its id. Throws `AUDIT_UNAVAILABLE` when the record
   * cannot be written: the caller must then not give the reply (fail closed).
   */
  record(entry: AuditEntry): number;
  /** `record`, with the disk sync off the event loop (shared by the records of a burst); same failure. */
  recordDurably(entry: AuditEntry): Promise<number>;
  /** The log itself, for export and verification (opened on first use). */
  log(): AuditLog;
  close(): void;
}

export function auditFile(dataDir: string): string {
  return path.join(dataDir, 'audit', 'audit.db');
}

/**
 * The audit log at `<data>/audit/audit.db`, opened on the first record (so commands that never
 * answer, such as `status`, do not need it), or a sink given by the caller.
 */
export function createAuditRecorder(options: { dataDir: string; clock: Clock; sink?: AuditSink }): AuditRecorder {
  const file = auditFile(options.dataDir);
  let opened: AuditLog | null = null;
  const log = (): AuditLog => (opened ??= AuditLog.open(file, { clock: options.clock }));
  return {
    record(entry) {
      try {
        return (options.sink ?? log()).append(entry).id;
      } catch (error) {
        throw unavailable(file, error);
      }
    },
    async recordDurably(entry) {
      try {
        const sink = options.sink ?? log();
        return (sink.appendDurably ? await sink.appendDurably(entry) : sink.append(entry)).id;
      } catch (error) {
        throw unavailable(file, error);
      }
    },
    log,
    close() {
      opened?.close();
      opened = null;
    },
  };
}

function unavailable(file: string, error: unknown): RepbotError {
  return new RepbotError('AUDIT_UNAVAILABLE', `The reply was not given: the compliance audit log ${file} cannot be written (${describeError(error)}).`, {
    cause: error,
    hint: 'Every reply must be recorded before it is shown. Check that the data folder is writable and has free space, then try again.',
  });
}
