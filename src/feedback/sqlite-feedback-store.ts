import type Database from 'better-sqlite3';
import { checkSchemaVersion, openDurableDatabase } from '../core/durable-database.js';
import { type FileSync, WalSync, fsyncFile } from '../core/wal-sync.js';
import { type PiiRedactor, defaultPiiRedactor } from '../compliance/pii-redactor.js';
import type { ReplyRoute } from '../answering/reply.js';
import type { FeedbackQuery, FeedbackRating, FeedbackRecord, TimeQuery, UnansweredQuestion } from './feedback-record.js';
import type { FeedbackStore } from './feedback-store.js';
import { timeBounds } from './time-range.js';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  at              TEXT NOT NULL,
  kind            TEXT NOT NULL,
  question        TEXT NOT NULL,
  route           TEXT,
  product         TEXT,
  approval_codes  TEXT NOT NULL,
  verdict         TEXT NOT NULL,
  user            TEXT NOT NULL,
  channel         TEXT,
  message_ts      TEXT,
  rating          TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment         TEXT,
  audit_id        INTEGER
);
CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
CREATE TABLE IF NOT EXISTS unanswered (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  question   TEXT NOT NULL,
  route      TEXT NOT NULL,
  reason     TEXT,
  product    TEXT,
  user       TEXT,
  thread_id  TEXT,
  audit_id   INTEGER
);
CREATE INDEX IF NOT EXISTS unanswered_at ON unanswered (at);
`;

interface FeedbackRow {
  id: string;
  at: string;
  kind: string;
  question: string;
  route: string | null;
  product: string | null;
  approval_codes: string;
  verdict: string;
  user: string;
  channel: string | null;
  message_ts: string | null;
  rating: string;
  comment: string | null;
  audit_id: number | null;
}

interface UnansweredRow {
  at: string;
  kind: string;
  question: string;
  route: string;
  reason: string | null;
  product: string | null;
  user: string | null;
  thread_id: string | null;
  audit_id: number | null;
}

const INSERT_FEEDBACK = `INSERT INTO feedback (id, at, kind, question, route, product, approval_codes, verdict, user, channel, message_ts, rating, comment, audit_id)
  VALUES (@id, @at, @kind, @question, @route, @product, @approval_codes, @verdict, @user, @channel, @message_ts, @rating, @comment, @audit_id)
  ON CONFLICT (id) DO UPDATE SET
    at = excluded.at, kind = excluded.kind, question = excluded.question, route = excluded.route, product = excluded.product,
    approval_codes = excluded.approval_codes, verdict = excluded.verdict, user = excluded.user, channel = excluded.channel,
    message_ts = excluded.message_ts, rating = excluded.rating, audit_id = excluded.audit_id,
    comment = COALESCE(excluded.comment, CASE WHEN feedback.rating = excluded.rating THEN feedback.comment END)`;

const INSERT_UNANSWERED = `INSERT INTO unanswered (at, kind, question, route, reason, product, user, thread_id, audit_id)
  VALUES (@at, @kind, @question, @route, @reason, @product, @user, @thread_id, @audit_id)`;

/**
 * Feedback and unanswered questions in SQLite (`<data>/feedback.db`), WAL mode, the WAL synced
 * before a write resolves (off the event loop, one sync shared by the writes of a burst): a
 * click is on disk once `record` resolves, and a restart or crash loses nothing committed.
 * Questions and comments are PII-redacted before they are stored, as in the audit log. Its
 * limits: one file on one machine (several bot replicas need a shared folder that supports
 * SQLite locking, or one store each); nothing is ever deleted, so old feedback stays until
 * someone removes the file.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly walSync: WalSync;
  // Prepared once: compiling a statement costs more than running it.
  private readonly insertFeedback: Database.Statement;
  private readonly updateComment: Database.Statement;
  private readonly insertUnanswered: Database.Statement;

  private constructor(
    private readonly db: Database.Database,
    file: string,
    private readonly redact: PiiRedactor,
    fileSync: FileSync,
  ) {
    this.walSync = new WalSync(file, fileSync);
    this.insertFeedback = db.prepare(INSERT_FEEDBACK);
    this.updateComment = db.prepare('UPDATE feedback SET comment = @comment WHERE id = @id AND user = @user');
    this.insertUnanswered = db.prepare(INSERT_UNANSWERED);
  }

  static open(file: string, options: { redact?: PiiRedactor; fileSync?: FileSync } = {}): SqliteFeedbackStore {
    const db = openDurableDatabase(
      file,
      'the feedback store',
      (d) => {
        checkSchemaVersion(d, SCHEMA_VERSION, 'feedback');
        d.exec(SCHEMA);
      },
      { syncWal: 'caller' },
    );
    return new SqliteFeedbackStore(db, file, options.redact ?? defaultPiiRedactor(), options.fileSync ?? fsyncFile);
  }

  async record(entry: FeedbackRecord): Promise<void> {
    this.insertFeedback.run({
      id: entry.id,
      at: entry.at,
      kind: entry.kind,
      question: this.redact(entry.question),
      route: entry.route,
      product: entry.product ?? null,
      approval_codes: JSON.stringify(entry.approvalCodes),
      verdict: entry.verdict,
      user: entry.user,
      channel: entry.channel,
      message_ts: entry.messageTs,
      rating: entry.rating,
      comment: entry.comment === null ? null : this.redact(entry.comment),
      audit_id: entry.auditId ?? null,
    });
    await this.walSync.later();
  }

  async comment(id: string, user: string, text: string): Promise<boolean> {
    const info = this.updateComment.run({ id, user, comment: this.redact(text) });
    if (info.changes > 0) await this.walSync.later();
    return info.changes > 0;
  }

  async list(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    const { where, params } = whereClause(query);
    if (query.rating) {
      where.push('rating = @rating');
      params.rating = query.rating;
    }
    const rows = this.db.prepare(selectSql('feedback', where, query)).all(params) as FeedbackRow[];
    return rows.map(toFeedback);
  }

  recent(options: { rating?: FeedbackRating; limit?: number } = {}): Promise<FeedbackRecord[]> {
    return this.list({ ...options, newestFirst: true });
  }

  async recordUnanswered(entry: UnansweredQuestion): Promise<void> {
    this.insertUnanswered.run({
      at: entry.at,
      kind: entry.kind,
      question: this.redact(entry.question),
      route: entry.route,
      reason: entry.reason,
      product: entry.product,
      user: entry.user,
      thread_id: entry.threadId,
      audit_id: entry.auditId,
    });
    await this.walSync.later();
  }

  async unanswered(query: TimeQuery = {}): Promise<UnansweredQuestion[]> {
    const { where, params } = whereClause(query);
    const rows = this.db.prepare(selectSql('unanswered', where, query)).all(params) as UnansweredRow[];
    return rows.map(toUnanswered);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
    this.walSync.close();
  }
}

function whereClause(query: TimeQuery): { where: string[]; params: Record<string, unknown> } {
  const bounds = timeBounds(query);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (bounds.from) {
    where.push('at >= @from');
    params.from = bounds.from;
  }
  if (bounds.before) {
    where.push('at < @before');
    params.before = bounds.before;
  }
  return { where, params };
}

function selectSql(table: 'feedback' | 'unanswered', where: string[], query: TimeQuery): string {
  const direction = query.newestFirst ? 'DESC' : 'ASC';
  const limit = query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))}` : '';
  return `SELECT * FROM ${table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at ${direction}, seq ${direction}${limit}`;
}

function toFeedback(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind === 'objection' ? 'objection' : 'answer',
    question: row.question,
    route: row.route as ReplyRoute | null,
    product: row.product,
    approvalCodes: JSON.parse(row.approval_codes) as string[],
    verdict: row.verdict,
    user: row.user,
    channel: row.channel,
    messageTs: row.message_ts,
    rating: row.rating as FeedbackRating,
    comment: row.comment,
    auditId: row.audit_id,
  };
}

function toUnanswered(row: UnansweredRow): UnansweredQuestion {
  return {
    at: row.at,
    kind: row.kind === 'objection' ? 'objection' : 'answer',
    question: row.question,
    route: row.route as ReplyRoute,
    reason: row.reason,
    product: row.product,
    user: row.user,
    threadId: row.thread_id,
    auditId: row.audit_id,
  };
}
