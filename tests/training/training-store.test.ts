import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TrainingStore } from '../../src/training/store/training-store.js';
import { resultsCsv } from '../../src/training/results-csv.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const T0 = new Date('2026-06-01T09:00:00Z');
const later = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

function session(store: TrainingStore, key: string, hours = 24) {
  return store.createSession({ id: `id-${key}`, kind: 'roleplay', key, user: 'U1', channel: 'C1', product: 'zorvex', language: 'en', persona: 'busy', state: { turn: 0 }, createdAt: T0.toISOString(), expiresAt: later(hours).toISOString() });
}

describe('TrainingStore', () => {
  it('keeps one active session per key, separate turns per session, and expires idle sessions', () => {
    const store = TrainingStore.open(path.join(tempDir(), 'training.db'));
    expect(session(store, 'a').ok).toBe(true);
    expect(session(store, 'b').ok).toBe(true);
    expect(session(store, 'a')).toMatchObject({ ok: false, error: { code: 'SESSION_BUSY' } });
    store.addTurn('id-a', 'rep', 'U1', 'hello a', T0);
    store.addTurn('id-b', 'rep', 'U1', 'hello b', T0);
    store.addTurn('id-a', 'doctor', null, 'reply a', T0);
    expect(store.turns('id-a').map((t) => t.text)).toEqual(['hello a', 'reply a']);
    expect(store.turns('id-b').map((t) => t.text)).toEqual(['hello b']);
    expect(store.activeSession('a', later(23)).ok).toBe(true);
    expect(store.activeSession('a', later(25))).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    store.close();
  });

  it("tells a key's running session kind: none once it has expired or finished, or for another key", () => {
    const store = TrainingStore.open(path.join(tempDir(), 'training.db'));
    session(store, 'a');
    store.createSession({ id: 'id-q', kind: 'quiz', key: 'q', user: 'U1', channel: 'C1', product: 'zorvex', language: 'en', persona: null, state: {}, createdAt: T0.toISOString(), expiresAt: later(24).toISOString() });
    expect(store.activeKind('a', later(1))).toBe('roleplay');
    expect(store.activeKind('q', later(1))).toBe('quiz');
    expect(store.activeKind('a', later(25))).toBeNull();
    expect(store.activeKind('id-a', later(1))).toBeNull();
    expect(store.activeKind('other', later(1))).toBeNull();
    store.finish('id-q', later(2));
    expect(store.activeKind('q', later(3))).toBeNull();
    store.close();
  });

  it('counts a quiz answer once per user and question', () => {
    const store = TrainingStore.open(path.join(tempDir(), 'training.db'));
    session(store, 'q');
    expect(store.recordQuizAnswer('id-q', { questionId: 'q1', user: 'U1', choice: 2, correct: false, at: T0.toISOString() })).toBe(true);
    expect(store.recordQuizAnswer('id-q', { questionId: 'q1', user: 'U1', choice: 1, correct: true, at: T0.toISOString() })).toBe(false);
    expect(store.quizAnswers('id-q')).toEqual([{ questionId: 'q1', user: 'U1', choice: 2, correct: false, at: T0.toISOString() }]);
    store.close();
  });

  it('overrides are append-only, the latest counts, and the CSV shows it (formula cells defused)', () => {
    const file = path.join(tempDir(), 'training.db');
    const store = TrainingStore.open(file);
    const id = store.addAttempt(
      { sessionId: null, kind: 'roleplay', user: '=cmd()', channel: null, product: 'zorvex', language: 'en', persona: 'busy', category: 'no-time', rubricVersion: 'v1', score: 0, rawScore: 62, outcome: 'fail', lines: [{ lineId: 'compliant', label: 'Compliant', weight: 2, score: 0 }], detail: { violations: [] } },
      T0,
    );
    expect(store.overrideScore(id, 'T1', 50, 'first look', T0).ok).toBe(true);
    expect(store.overrideScore(id, 'T2', 60, 'second look, agreed with T1', later(1)).ok).toBe(true);
    expect(store.overrideScore(999, 'T1', 50, 'nope', T0)).toMatchObject({ ok: false, error: { code: 'ATTEMPT_UNKNOWN' } });
    const attempt = store.attempt(id);
    expect(attempt?.override).toMatchObject({ trainer: 'T2', score: 60, previousScore: 50 });
    const csv = resultsCsv(store.attempts());
    expect(csv).toContain("'=cmd()");
    expect(csv).toContain('second look, agreed with T1');
    expect(csv.split('\r\n')[0]).toContain('line:compliant');
    store.close();
    const raw = new Database(file);
    expect(() => raw.prepare('UPDATE score_overrides SET score = 100').run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM score_overrides').run()).toThrow(/append-only/);
    raw.close();
  });

  it('filters attempts by date (a date means the whole day)', () => {
    const store = TrainingStore.open(path.join(tempDir(), 'training.db'));
    const base = { sessionId: null, kind: 'quiz' as const, user: 'U1', channel: null, product: 'zorvex', language: 'en' as const, persona: null, category: null, rubricVersion: null, score: 80, rawScore: 80, outcome: 'pass', lines: [], detail: null };
    store.addAttempt(base, T0);
    store.addAttempt(base, new Date('2026-06-02T23:59:00Z'));
    store.addAttempt(base, new Date('2026-06-03T00:01:00Z'));
    expect(store.attempts({ from: '2026-06-02', to: '2026-06-02' })).toHaveLength(1);
    expect(store.attempts({ to: '2026-06-02' })).toHaveLength(2);
    store.close();
  });
});
