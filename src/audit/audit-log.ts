import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openDurableDatabase } from '../core/durable-database.js';
import { type FileSync, WalSync, fsyncFile } from '../core/wal-sync.js';
import { type Clock, systemClock } from '../core/clock.js';
import { RepbotError } from '../core/errors.js';
import { type Result, fail, ok } from '../core/result.js';
import { type PiiRedactor, defaultPiiRedactor } from '../compliance/pii-redactor.js';
import type { CheckResult, Finding, RouteTarget, Verdict } from '../compliance/types.js';

export const AUDIT_KINDS = ['ask', 'objection', 'check', 'roleplay', 'quiz', 'search', 'other'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Where a reply went instead of being answered: the filter's targets, or "not covered by approved material". */
export type AuditRoute = RouteTarget | 'not-found';

/** JSON-safe facts about a draft that are not the draft itself (routing reason, thread, product…). */
export type AuditContext = { readonly [key: string]: AuditValue };
type AuditValue = string | number | boolean | null | readonly AuditValue[] | { readonly [key: string]: AuditValue };

/** A cited passage as the audit log keeps it. */
export interface AuditSource {
  chunkId: string;
  approvalCode: string;
}

/** What a caller records: who asked, through what, the draft, what it cited and what the filter decided. */
export interface AuditEntry {
  user: string;
  /** Slack channel id, or null for the CLI. */
  channel?: string | null;
  /** slack, cli, api… */
  source?: string;
  kind: AuditKind;
  /** The rep's message the draft answers (absent for `check`, whose draft is the message). */
  question?: string | null;
  draft: string;
  sources?: readonly AuditSource[];
  result: CheckResult;
  /** Where the reply went when it was routed before or by the filter (default: the filter's route). */
  route?: AuditRoute | null;
  /** Routing reason and detail, thread, product, answer mode… (strings are PII-redacted). */
  context?: AuditContext | null;
}

/** One stored record (PII already redacted). */
export interface AuditRecord {
  id: number;
  at: string;
  user: string;
  channel: string | null;
  source: string;
  kind: AuditKind;
  question: string | null;
  draft: string;
  sources: AuditSource[];
  findings: Finding[];
  notes: string[];
  verdict: Verdict;
  finalText: string;
  route: AuditRoute | null;
  context: AuditContext | null;
  /** SHA-256 over the previous record's hash and this record: an edit or a gap breaks the chain. */
  hash: string;
}

export interface AuditQuery {
  /** Inclusive. A date (YYYY-MM-DD) means the start of that day (UTC); or a full ISO time. */
  from?: string;
  /** Inclusive. A date means the whole of that day (UTC); or a full ISO time. */
  to?: string;
  user?: string;
  verdict?: Verdict | readonly Verdict[];
  kind?: AuditKind;
  limit?: number;
}

const GENESIS = '0'.repeat(64);
/** 1: the first release; 2 adds `question` and `context` (older records keep their hashes). */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_records (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  user        TEXT NOT NULL,
  channel     TEXT,
  source      TEXT NOT NULL,
  kind        TEXT NOT NULL,
  draft       TEXT NOT NULL,
  sources     TEXT NOT NULL,
  findings    TEXT NOT NULL,
  notes       TEXT NOT NULL,
  verdict     TEXT NOT NULL CHECK (verdict IN ('pass', 'fixed', 'blocked', 'routed')),
  final_text  TEXT NOT NULL,
  route       TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  question    TEXT,
  context     TEXT
);
CREATE INDEX IF NOT EXISTS audit_at ON audit_records (at);
CREATE INDEX IF NOT EXISTS audit_user ON audit_records (user, at);
CREATE INDEX IF NOT EXISTS audit_verdict ON audit_records (verdict, at);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_records
  BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_records
  BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
`;

interface Row {
  id: number;
  at: string;
  user: string;
  channel: string | null;
  source: string;
  kind: string;
  draft: string;
  sources: string;
  findings: string;
  notes: string;
  verdict: string;
  final_text: string;
  route: string | null;
  prev_hash: string;
  hash: string;
  question: string | null;
  context: string | null;
}

/**
 * The compliance audit trail: every draft, what it cited, every finding and what was posted.
 * SQLite in WAL mode; each commit's WAL frames are synced to disk before the record counts as
 * written — by `append` before it returns (as synchronous=FULL would), by `appendDurably` on
 * libuv's thread pool, off the event loop, with the records committed meanwhile sharing one sync
 * (a group commit under a burst). A crash loses nothing reported written. Append-only (triggers
 * refuse UPDATE and DELETE); PII is redacted before anything is stored; records are hash-chained
 * so tampering shows.
 */
export class AuditLog {
  // Prepared once: compiling the statements took about a third of an append's CPU.
  private readonly insert: Database.Transaction<(row: Fields) => { id: number; hash: string; prev: string }>;

  private readonly walSync: WalSync;

  private constructor(
    private readonly db: Database.Database,
    file: string,
    private readonly redact: PiiRedactor,
    private readonly clock: Clock,
    fileSync: FileSync,
  ) {
    this.walSync = new WalSync(file, fileSync);
    const lastHash = db.prepare('SELECT hash FROM audit_records ORDER BY id DESC LIMIT 1');
    const insertRow = db.prepare(
      `INSERT INTO audit_records (at, user, channel, source, kind, question, context, draft, sources, findings, notes, verdict, final_text, route, prev_hash, hash)
       VALUES (@at, @user, @channel, @source, @kind, @question, @context, @draft, @sources, @findings, @notes, @verdict, @final_text, @route, @prev_hash, @hash)`,
    );
    this.insert = db.transaction((row: Fields) => {
      const last = lastHash.get() as { hash: string } | undefined;
      const prev = last?.hash ?? GENESIS;
      const hash = chainHash(prev, row);
      const info = insertRow.run({ ...row, prev_hash: prev, hash });
      return { id: Number(info.lastInsertRowid), hash, prev };
    });
  }

  static open(file: string, options: { redact?: PiiRedactor; clock?: Clock; fileSync?: FileSync } = {}): AuditLog {
    const db = openDurableDatabase(
      file,
      'the audit log',
      (d) => {
        d.exec(SCHEMA);
        migrate(d);
      },
      { syncWal: 'caller' },
    );
    return new AuditLog(db, file, options.redact ?? defaultPiiRedactor(), options.clock ?? systemClock, options.fileSync ?? fsyncFile);
  }

  /** Stores one record; it is on disk when this returns. */
  append(entry: AuditEntry): AuditRecord {
    const record = this.commit(entry);
    this.walSync.now();
    return record;
  }

  /**
   * Stores one record; it is on disk when the promise resolves. The sync runs off the event
   * loop, and records committed while one runs share the next: a burst of replies costs a few
   * syncs, not one each. Rejects (nothing reported written) if the sync fails.
   */
  async appendDurably(entry: AuditEntry): Promise<AuditRecord> {
    const record = this.commit(entry);
    await this.walSync.later();
    return record;
  }

  private commit(entry: AuditEntry): AuditRecord {
    const r = this.redact;
    const fields = {
      at: this.clock.now().toISOString(),
      user: entry.user,
      channel: entry.channel ?? null,
      source: entry.source ?? 'unknown',
      kind: entry.kind,
      question: entry.question == null ? null : r(entry.question),
      context: entry.context == null ? null : JSON.stringify(redactValue(entry.context, r)),
      draft: r(entry.draft),
      sources: JSON.stringify(entry.sources ?? []),
      findings: JSON.stringify(entry.result.findings.map((f) => redactFinding(f, r))),
      notes: JSON.stringify(entry.result.notes.map(r)),
      verdict: entry.result.verdict,
      final_text: r(entry.result.text),
      route: entry.route === undefined ? entry.result.route : entry.route,
    };
    const { id, hash, prev } = this.insert.immediate(fields);
    return toRecord({ id, ...fields, prev_hash: prev, hash });
  }

  query(q: AuditQuery = {}): AuditRecord[] {
    return [...this.iterate(q)];
  }

  /** How many records match (for an export's summary). */
  count(q: AuditQuery = {}): number {
    const { sql, params } = buildQuery(q);
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(params) as { n: number }).n;
  }

  *iterate(q: AuditQuery = {}): Generator<AuditRecord> {
    const { sql, params } = buildQuery(q);
    for (const row of this.db.prepare(sql).iterate(params) as Iterable<Row>) yield toRecord(row);
  }

  /** CSV for a reviewer's spreadsheet (RFC 4180; cells that a spreadsheet would run as formulas are defused). */
  exportCsv(q: AuditQuery = {}): string {
    const header = ['id', 'at', 'user', 'channel', 'source', 'kind', 'verdict', 'route', 'question', 'draft', 'final_text', 'findings', 'notes', 'approval_codes', 'chunk_ids', 'context', 'hash'];
    const lines = [header.join(',')];
    for (const rec of this.iterate(q)) {
      lines.push(
        [
          rec.id,
          rec.at,
          rec.user,
          rec.channel ?? '',
          rec.source,
          rec.kind,
          rec.verdict,
          rec.route ?? '',
          rec.question ?? '',
          rec.draft,
          rec.finalText,
          rec.findings.map((f) => `${f.ruleId} ${f.category} ${f.severity}/${f.action}`).join('; '),
          rec.notes.join(' | '),
          [...new Set(rec.sources.map((s) => s.approvalCode))].join('; '),
          rec.sources.map((s) => s.chunkId).join('; '),
          rec.context === null ? '' : JSON.stringify(rec.context),
          rec.hash,
        ]
          .map((v) => csvCell(String(v)))
          .join(','),
      );
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  /** One JSON object per line. */
  exportJsonl(q: AuditQuery = {}): string {
    let out = '';
    for (const rec of this.iterate(q)) out += `${JSON.stringify(rec)}\n`;
    return out;
  }

  /** Recomputes the hash chain: ok with the record count, or the first record that does not fit. */
  verify(): Result<{ records: number }, string> {
    let prev = GENESIS;
    let count = 0;
    let expectedId = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_records ORDER BY id').iterate() as Iterable<Row>) {
      count++;
      if (expectedId !== 0 && row.id !== expectedId + 1) return fail(`record ${expectedId + 1} is missing`);
      expectedId = row.id;
      if (row.prev_hash !== prev) return fail(`record ${row.id} does not follow record ${row.id - 1}`);
      const { id: _id, prev_hash: _prev, hash, ...fields } = row;
      if (chainHash(prev, fields) !== hash) return fail(`record ${row.id} was changed after it was written`);
      prev = hash;
    }
    return ok({ records: count });
  }

  close(): void {
    this.db.close();
    this.walSync.close();
  }
}

type Fields = Omit<Row, 'id' | 'prev_hash' | 'hash'>;

function chainHash(prev: string, f: Fields): string {
  const fields: unknown[] = [prev, f.at, f.user, f.channel, f.source, f.kind, f.draft, f.sources, f.findings, f.notes, f.verdict, f.final_text, f.route];
  // Schema 2 fields join the hash only when present, so records written by schema 1 still verify.
  if (f.question !== null || f.context !== null) fields.push(f.question, f.context);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new Error(`audit log schema version ${version} is newer than this repbot (${SCHEMA_VERSION})`);
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    const columns = new Set((db.prepare('PRAGMA table_info(audit_records)').all() as Array<{ name: string }>).map((c) => c.name));
    for (const column of ['question', 'context']) if (!columns.has(column)) db.exec(`ALTER TABLE audit_records ADD COLUMN ${column} TEXT`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function redactValue(value: AuditValue, redact: PiiRedactor): AuditValue {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v: AuditValue) => redactValue(v, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v as AuditValue, redact)]));
  }
  return value;
}

function redactFinding(f: Finding, redact: PiiRedactor): Finding {
  const out: Finding = { ...f, message: redact(f.message) };
  if (f.match !== undefined) out.match = redact(f.match);
  return out;
}

function toRecord(row: Row): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    user: row.user,
    channel: row.channel,
    source: row.source,
    kind: row.kind as AuditKind,
    question: row.question,
    draft: row.draft,
    sources: JSON.parse(row.sources) as AuditSource[],
    findings: JSON.parse(row.findings) as Finding[],
    notes: JSON.parse(row.notes) as string[],
    verdict: row.verdict as Verdict,
    finalText: row.final_text,
    route: row.route as AuditRoute | null,
    context: row.context === null ? null : (JSON.parse(row.context) as AuditContext),
    hash: row.hash,
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function bound(value: string, end: boolean): string {
  if (DATE_ONLY.test(value)) {
    if (!end) return `${value}T00:00:00.000Z`;
    const next = new Date(`${value}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString();
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new RepbotError('INPUT_INVALID', `"${value}" is not a date or time.`, { hint: 'Use YYYY-MM-DD or a full ISO time.' });
  }
  return time.toISOString();
}

function buildQuery(q: AuditQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.from) {
    where.push('at >= @from');
    params.from = bound(q.from, false);
  }
  if (q.to) {
    // A date means through the end of that day; a time is inclusive.
    if (DATE_ONLY.test(q.to)) where.push('at < @to');
    else where.push('at <= @to');
    params.to = bound(q.to, true);
  }
  if (q.user) {
    where.push('user = @user');
    params.user = q.user;
  }
  if (q.kind) {
    where.push('kind = @kind');
    params.kind = q.kind;
  }
  if (q.verdict) {
    const list = typeof q.verdict === 'string' ? [q.verdict] : [...q.verdict];
    where.push(`verdict IN (${list.map((_, i) => `@v${i}`).join(', ')})`);
    list.forEach((v, i) => {
      params[`v${i}`] = v;
    });
  }
  let sql = `SELECT * FROM audit_records${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  if (q.limit !== undefined) {
    sql += ' LIMIT @limit';
    params.limit = q.limit;
  }
  return { sql, params };
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
