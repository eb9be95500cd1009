import type Database from 'better-sqlite3';
import { checkSchemaVersion, openDurableDatabase } from '../../core/durable-database.js';
import { RepbotError } from '../../core/errors.js';
import { type Result, fail, ok } from '../../core/result.js';
import type { Language } from '../../knowledge/types.js';
import { type TrainingProblem, problem } from '../training-problem.js';

export type SessionKind = 'quiz' | 'roleplay';
export type SessionStatus = 'active' | 'finished' | 'expired';

/** A quiz or role-play in progress (or done). `state` is the kind's own JSON. */
export interface SessionRecord<S = unknown> {
  id: string;
  kind: SessionKind;
  /** Where it lives: a Slack thread (`slack:<team>:<channel>:<ts>`) or a CLI run. One active session per key. */
  key: string;
  user: string;
  channel: string | null;
  product: string;
  language: Language;
  persona: string | null;
  state: S;
  status: SessionStatus;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

export interface TurnRecord {
  n: number;
  role: 'doctor' | 'rep';
  user: string | null;
  text: string;
  at: string;
}

export interface QuizAnswerRecord {
  questionId: string;
  user: string;
  choice: number;
  correct: boolean;
  at: string;
}

/** One line of a scored attempt as stored. */
export interface StoredLine {
  lineId: string;
  label: string;
  weight: number;
  score: number;
}

export interface NewAttempt {
  sessionId: string | null;
  kind: SessionKind;
  user: string;
  channel: string | null;
  product: string;
  language: Language;
  persona: string | null;
  category: string | null;
  rubricVersion: string | null;
  score: number;
  rawScore: number;
  outcome: string;
  lines: StoredLine[];
  /** Everything else the feedback needs (violations, evidence, quiz answers), as JSON. */
  detail: unknown;
}

export interface ScoreOverride {
  id: number;
  attemptId: number;
  trainer: string;
  previousScore: number;
  score: number;
  reason: string;
  at: string;
}

export interface AttemptRecord extends Omit<NewAttempt, 'detail'> {
  id: number;
  at: string;
  detail: unknown;
  /** The latest trainer override, when there is one: it replaces `score` in results. */
  override: ScoreOverride | null;
}

export interface AttemptQuery {
  /** Inclusive; a date (YYYY-MM-DD) or an ISO time. */
  from?: string;
  /** Inclusive; a date means the whole day. */
  to?: string;
  user?: string;
  product?: string;
  kind?: SessionKind;
}

const SCHEMA_VERSION = 1;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('quiz', 'roleplay')),
  key TEXT NOT NULL,
  user TEXT NOT NULL,
  channel TEXT,
  product TEXT NOT NULL,
  language TEXT NOT NULL,
  persona TEXT,
  state TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'finished', 'expired')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_active_key ON sessions (key) WHERE status = 'active';
CREATE TABLE IF NOT EXISTS turns (
  session_id TEXT NOT NULL REFERENCES sessions (id),
  n INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('doctor', 'rep')),
  user TEXT,
  text TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (session_id, n)
);
CREATE TABLE IF NOT EXISTS quiz_answers (
  session_id TEXT NOT NULL REFERENCES sessions (id),
  question_id TEXT NOT NULL,
  user TEXT NOT NULL,
  choice INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (session_id, question_id, user)
);
CREATE TABLE IF NOT EXISTS attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT,
  kind TEXT NOT NULL,
  user TEXT NOT NULL,
  channel TEXT,
  product TEXT NOT NULL,
  language TEXT NOT NULL,
  persona TEXT,
  category TEXT,
  rubric_version TEXT,
  score REAL NOT NULL,
  raw_score REAL NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_at ON attempts (at);
CREATE TABLE IF NOT EXISTS attempt_lines (
  attempt_id INTEGER NOT NULL REFERENCES attempts (id),
  line_id TEXT NOT NULL,
  label TEXT NOT NULL,
  weight REAL NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (attempt_id, line_id)
);
CREATE TABLE IF NOT EXISTS score_overrides (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  attempt_id INTEGER NOT NULL REFERENCES attempts (id),
  trainer TEXT NOT NULL,
  previous_score REAL NOT NULL,
  score REAL NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS overrides_no_update BEFORE UPDATE ON score_overrides
  BEGIN SELECT RAISE(ABORT, 'score overrides are append-only'); END;
CREATE TRIGGER IF NOT EXISTS overrides_no_delete BEFORE DELETE ON score_overrides
  BEGIN SELECT RAISE(ABORT, 'score overrides are append-only'); END;
CREATE TRIGGER IF NOT EXISTS attempts_no_delete BEFORE DELETE ON attempts
  BEGIN SELECT RAISE(ABORT, 'attempts are kept; override a score instead'); END;
`;

interface SessionRow {
  id: string;
  kind: SessionKind;
  key: string;
  user: string;
  channel: string | null;
  product: string;
  language: Language;
  persona: string | null;
  state: string;
  status: SessionStatus;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

interface AttemptRow {
  id: number;
  session_id: string | null;
  kind: SessionKind;
  user: string;
  channel: string | null;
  product: string;
  language: Language;
  persona: string | null;
  category: string | null;
  rubric_version: string | null;
  score: number;
  raw_score: number;
  outcome: string;
  detail: string;
  at: string;
}

/**
 * Training sessions, attempts and trainer overrides in SQLite (`<data>/training.db`), in the
 * style of the audit log: WAL with synchronous=FULL (a step is on disk when the call returns,
 * so a restart resumes every session), overrides append-only (triggers refuse UPDATE/DELETE).
 * Sessions are found by key, so two role-plays in two threads never share state. A session
 * expires `expiresAt` after its last step; an expired session is closed when next looked up.
 */
export class TrainingStore {
  /** Each statement compiled once (a role-play lookup runs for every threaded message). */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  static open(file: string): TrainingStore {
    const db = openDurableDatabase(file, 'the training store', (d) => {
      d.pragma('foreign_keys = ON');
      d.exec(SCHEMA);
      checkSchemaVersion(d, SCHEMA_VERSION, 'training store');
    });
    return new TrainingStore(db);
  }

  createSession<S>(s: Omit<SessionRecord<S>, 'status' | 'updatedAt'>): Result<SessionRecord<S>, TrainingProblem> {
    const active = this.statement("SELECT id, expires_at FROM sessions WHERE key = ? AND status = 'active'").get(s.key) as { id: string; expires_at: string } | undefined;
    if (active && active.expires_at > s.createdAt) return fail(problem('SESSION_BUSY', 'A training session is already running here; finish it first.'));
    const insert = this.db.transaction(() => {
      if (active) this.statement("UPDATE sessions SET status = 'expired' WHERE id = ?").run(active.id);
      this.statement(
          `INSERT INTO sessions (id, kind, key, user, channel, product, language, persona, state, status, created_at, updated_at, expires_at)
           VALUES (@id, @kind, @key, @user, @channel, @product, @language, @persona, @state, 'active', @created_at, @created_at, @expires_at)`,
        )
        .run({ id: s.id, kind: s.kind, key: s.key, user: s.user, channel: s.channel, product: s.product, language: s.language, persona: s.persona, state: JSON.stringify(s.state), created_at: s.createdAt, expires_at: s.expiresAt });
    });
    insert.immediate();
    return ok({ ...s, status: 'active', updatedAt: s.createdAt });
  }

  /** The active session for a key (or id); an expired one is closed and reported as such. */
  activeSession<S>(keyOrId: string, now: Date): Result<SessionRecord<S>, TrainingProblem> {
    const row = this.statement("SELECT * FROM sessions WHERE (key = @k OR id = @k) AND status = 'active' ORDER BY created_at DESC LIMIT 1")
      .get({ k: keyOrId }) as SessionRow | undefined;
    if (!row) {
      const last = this.statement('SELECT status FROM sessions WHERE key = @k OR id = @k ORDER BY created_at DESC LIMIT 1').get({ k: keyOrId }) as { status: SessionStatus } | undefined;
      if (last?.status === 'expired') return fail(problem('SESSION_EXPIRED', 'This training session has expired. Start a new one.'));
      if (last?.status === 'finished') return fail(problem('SESSION_FINISHED', 'This training session is already finished.'));
      return fail(problem('SESSION_NOT_FOUND', 'No training session is running here.'));
    }
    if (row.expires_at <= now.toISOString()) {
      this.statement("UPDATE sessions SET status = 'expired' WHERE id = ?").run(row.id);
      return fail(problem('SESSION_EXPIRED', 'This training session has expired. Start a new one.'));
    }
    return ok(toSession<S>(row));
  }

  /**
   * The kind of the session running under this key (a thread or channel), or null: asked for
   * every threaded message, so one indexed lookup with no side effects (activeSession marks an
   * expired session as such; this only leaves it out).
   */
  activeKind(key: string, now: Date): SessionKind | null {
    const row = this.statement("SELECT kind, expires_at FROM sessions WHERE key = ? AND status = 'active'").get(key) as { kind: SessionKind; expires_at: string } | undefined;
    return row && row.expires_at > now.toISOString() ? row.kind : null;
  }

  /** The latest session with this key, whatever its status (expired sessions are marked on lookup). */
  latestSession<S>(key: string, now: Date): SessionRecord<S> | null {
    this.activeSession(key, now);
    const row = this.statement('SELECT * FROM sessions WHERE key = ? ORDER BY created_at DESC LIMIT 1').get(key) as SessionRow | undefined;
    return row ? toSession<S>(row) : null;
  }

  session<S>(id: string): SessionRecord<S> | null {
    const row = this.statement('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? toSession<S>(row) : null;
  }

  /** Saves a step: the new state and a later expiry. */
  touch<S>(id: string, state: S, now: Date, expiresAt: Date): void {
    this.statement('UPDATE sessions SET state = ?, updated_at = ?, expires_at = ? WHERE id = ?').run(JSON.stringify(state), now.toISOString(), expiresAt.toISOString(), id);
  }

  finish(id: string, now: Date): void {
    this.statement("UPDATE sessions SET status = 'finished', updated_at = ? WHERE id = ?").run(now.toISOString(), id);
  }

  addTurn(sessionId: string, role: TurnRecord['role'], user: string | null, text: string, now: Date): number {
    const add = this.db.transaction(() => {
      const last = this.statement('SELECT MAX(n) AS n FROM turns WHERE session_id = ?').get(sessionId) as { n: number | null };
      const n = (last.n ?? 0) + 1;
      this.statement('INSERT INTO turns (session_id, n, role, user, text, at) VALUES (?, ?, ?, ?, ?, ?)').run(sessionId, n, role, user, text, now.toISOString());
      return n;
    });
    return add.immediate();
  }

  turns(sessionId: string): TurnRecord[] {
    return this.statement('SELECT n, role, user, text, at FROM turns WHERE session_id = ? ORDER BY n').all(sessionId) as TurnRecord[];
  }

  /** The first answer of a user to a question counts; false when they had already answered. */
  recordQuizAnswer(sessionId: string, a: QuizAnswerRecord): boolean {
    const info = this.statement('INSERT OR IGNORE INTO quiz_answers (session_id, question_id, user, choice, correct, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(sessionId, a.questionId, a.user, a.choice, a.correct ? 1 : 0, a.at);
    return info.changes === 1;
  }

  quizAnswers(sessionId: string): QuizAnswerRecord[] {
    const rows = this.statement('SELECT question_id, user, choice, correct, at FROM quiz_answers WHERE session_id = ? ORDER BY at, rowid').all(sessionId) as Array<{ question_id: string; user: string; choice: number; correct: number; at: string }>;
    return rows.map((r) => ({ questionId: r.question_id, user: r.user, choice: r.choice, correct: r.correct === 1, at: r.at }));
  }

  addAttempt(a: NewAttempt, now: Date): number {
    const add = this.db.transaction(() => {
      const info = this.statement(
          `INSERT INTO attempts (session_id, kind, user, channel, product, language, persona, category, rubric_version, score, raw_score, outcome, detail, at)
           VALUES (@session_id, @kind, @user, @channel, @product, @language, @persona, @category, @rubric_version, @score, @raw_score, @outcome, @detail, @at)`,
        )
        .run({
          session_id: a.sessionId,
          kind: a.kind,
          user: a.user,
          channel: a.channel,
          product: a.product,
          language: a.language,
          persona: a.persona,
          category: a.category,
          rubric_version: a.rubricVersion,
          score: a.score,
          raw_score: a.rawScore,
          outcome: a.outcome,
          detail: JSON.stringify(a.detail ?? null),
          at: now.toISOString(),
        });
      const id = Number(info.lastInsertRowid);
      const line = this.statement('INSERT INTO attempt_lines (attempt_id, line_id, label, weight, score) VALUES (?, ?, ?, ?, ?)');
      for (const l of a.lines) line.run(id, l.lineId, l.label, l.weight, l.score);
      return id;
    });
    return add.immediate();
  }

  attempt(id: number): AttemptRecord | null {
    const row = this.statement('SELECT * FROM attempts WHERE id = ?').get(id) as AttemptRow | undefined;
    return row ? this.toAttempt(row) : null;
  }

  attempts(q: AttemptQuery = {}): AttemptRecord[] {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (q.from) {
      where.push('at >= @from');
      params.from = bound(q.from, false);
    }
    if (q.to) {
      where.push(DATE_ONLY.test(q.to) ? 'at < @to' : 'at <= @to');
      params.to = bound(q.to, true);
    }
    for (const field of ['user', 'product', 'kind'] as const) {
      if (q[field]) {
        where.push(`${field} = @${field}`);
        params[field] = q[field];
      }
    }
    const rows = this.statement(`SELECT * FROM attempts${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`).all(params) as AttemptRow[];
    return rows.map((r) => this.toAttempt(r));
  }

  /** Records a trainer's override (append-only); the latest one is the attempt's score from now on. */
  overrideScore(attemptId: number, trainer: string, score: number, reason: string, now: Date): Result<ScoreOverride, TrainingProblem> {
    const attempt = this.attempt(attemptId);
    if (!attempt) return fail(problem('ATTEMPT_UNKNOWN', `No attempt #${attemptId}.`));
    const previousScore = attempt.override?.score ?? attempt.score;
    const at = now.toISOString();
    const info = this.statement('INSERT INTO score_overrides (attempt_id, trainer, previous_score, score, reason, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(attemptId, trainer, previousScore, score, reason, at);
    return ok({ id: Number(info.lastInsertRowid), attemptId, trainer, previousScore, score, reason, at });
  }

  overrides(attemptId?: number): ScoreOverride[] {
    const rows = (attemptId === undefined
      ? this.statement('SELECT * FROM score_overrides ORDER BY id').all()
      : this.statement('SELECT * FROM score_overrides WHERE attempt_id = ? ORDER BY id').all(attemptId)) as Array<{ id: number; attempt_id: number; trainer: string; previous_score: number; score: number; reason: string; at: string }>;
    return rows.map((r) => ({ id: r.id, attemptId: r.attempt_id, trainer: r.trainer, previousScore: r.previous_score, score: r.score, reason: r.reason, at: r.at }));
  }

  close(): void {
    this.db.close();
  }

  private toAttempt(row: AttemptRow): AttemptRecord {
    const lines = this.statement('SELECT line_id, label, weight, score FROM attempt_lines WHERE attempt_id = ? ORDER BY rowid').all(row.id) as Array<{ line_id: string; label: string; weight: number; score: number }>;
    const overrides = this.overrides(row.id);
    return {
      id: row.id,
      sessionId: row.session_id,
      kind: row.kind,
      user: row.user,
      channel: row.channel,
      product: row.product,
      language: row.language,
      persona: row.persona,
      category: row.category,
      rubricVersion: row.rubric_version,
      score: row.score,
      rawScore: row.raw_score,
      outcome: row.outcome,
      lines: lines.map((l) => ({ lineId: l.line_id, label: l.label, weight: l.weight, score: l.score })),
      detail: JSON.parse(row.detail) as unknown,
      at: row.at,
      override: overrides[overrides.length - 1] ?? null,
    };
  }
}

function toSession<S>(row: SessionRow): SessionRecord<S> {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    user: row.user,
    channel: row.channel,
    product: row.product,
    language: row.language,
    persona: row.persona,
    state: JSON.parse(row.state) as S,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function bound(value: string, end: boolean): string {
  if (DATE_ONLY.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (end) day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString();
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new RepbotError('USAGE', `"${value}" is not a date or time.`, { hint: 'Use YYYY-MM-DD or a full ISO time.' });
  return time.toISOString();
}
