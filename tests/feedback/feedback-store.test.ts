import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RepbotError } from '../../src/core/errors.js';
import { defaultFeedbackStore, feedbackDbPath } from '../../src/feedback/default-feedback-store.js';
import type { FeedbackStore } from '../../src/feedback/feedback-store.js';
import { MemoryFeedbackStore } from '../../src/feedback/memory-feedback-store.js';
import { SqliteFeedbackStore } from '../../src/feedback/sqlite-feedback-store.js';
import type { FileSync } from '../../src/core/wal-sync.js';
import { tempDir } from '../helpers/temp-knowledge.js';
import { click, unanswered } from './fixtures.js';

const stores: Array<[string, () => FeedbackStore]> = [
  ['SqliteFeedbackStore', () => SqliteFeedbackStore.open(path.join(tempDir('repbot-feedback-'), 'feedback.db'))],
  ['MemoryFeedbackStore', () => new MemoryFeedbackStore()],
];

describe.each(stores)('%s', (_name, open) => {
  it('keeps one rating per id (a second click replaces the first) and adds comments only for their author', async () => {
    const store = open();
    await store.record(click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:00.000Z', user: 'U1', rating: 'up' }));
    await store.record(click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:05.000Z', user: 'U1', rating: 'down' }));
    expect(await store.comment('C1:1.1:U1', 'U2', 'not mine')).toBe(false);
    expect(await store.comment('C1:1.1:U9', 'U1', 'no such record')).toBe(false);
    expect(await store.comment('C1:1.1:U1', 'U1', 'the paediatric dose is missing')).toBe(true);
    const all = await store.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rating: 'down', at: '2026-12-01T10:00:05.000Z', comment: 'the paediatric dose is missing' });
    // 👎 again keeps what was wrong; a 👍 drops it.
    await store.record(click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:09.000Z', user: 'U1', rating: 'down' }));
    expect((await store.list())[0]?.comment).toBe('the paediatric dose is missing');
    await store.record(click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:12.000Z', user: 'U1', rating: 'up' }));
    expect((await store.list())[0]).toMatchObject({ rating: 'up', comment: null });
    await store.close();
  });

  it('filters by time (dates are whole UTC days) and rating, oldest first or newest first', async () => {
    const store = open();
    await store.record(click({ id: 'a', at: '2026-11-30T23:59:59.999Z', rating: 'down' }));
    await store.record(click({ id: 'b', at: '2026-12-01T00:00:00.000Z', rating: 'up' }));
    await store.record(click({ id: 'c', at: '2026-12-02T23:59:59.999Z', rating: 'down' }));
    await store.record(click({ id: 'd', at: '2026-12-03T00:00:00.000Z', rating: 'down' }));
    const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);
    expect(ids(await store.list({ from: '2026-12-01', to: '2026-12-02' }))).toEqual(['b', 'c']);
    expect(ids(await store.list({ rating: 'down' }))).toEqual(['a', 'c', 'd']);
    expect(ids(await store.list({ from: '2026-12-02T23:59:59.999Z' }))).toEqual(['c', 'd']);
    expect(ids(await store.list({ to: '2026-12-01T00:00:00.000Z' }))).toEqual(['a', 'b']);
    expect(ids(await store.recent({ rating: 'down', limit: 2 }))).toEqual(['d', 'c']);
    await expect(store.list({ from: 'last tuesday' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await store.close();
  });

  it('records unanswered questions and reads them back by time', async () => {
    const store = open();
    await store.recordUnanswered(unanswered({ at: '2026-12-01T09:00:00.000Z', question: 'does calmira cause hair loss?', product: 'calmira', auditId: 12 }));
    await store.recordUnanswered(unanswered({ at: '2026-12-05T09:00:00.000Z', question: '佐维斯在德国卖多少钱', route: 'medical-information', reason: 'off-label-use', threadId: 'slack:T1:C1:1.1' }));
    expect(await store.unanswered()).toEqual([
      unanswered({ at: '2026-12-01T09:00:00.000Z', question: 'does calmira cause hair loss?', product: 'calmira', auditId: 12 }),
      unanswered({ at: '2026-12-05T09:00:00.000Z', question: '佐维斯在德国卖多少钱', route: 'medical-information', reason: 'off-label-use', threadId: 'slack:T1:C1:1.1' }),
    ]);
    expect((await store.unanswered({ from: '2026-12-02' })).map((u) => u.question)).toEqual(['佐维斯在德国卖多少钱']);
    expect((await store.unanswered({ newestFirst: true, limit: 1 })).map((u) => u.question)).toEqual(['佐维斯在德国卖多少钱']);
    await store.close();
  });
});

describe('SqliteFeedbackStore durability', () => {
  it('keeps every record, comment and unanswered question across a close and reopen', async () => {
    const file = path.join(tempDir('repbot-feedback-'), 'nested', 'feedback.db');
    const first = SqliteFeedbackStore.open(file);
    await first.record(click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:00.000Z', user: 'U1', auditId: 41, approvalCodes: ['MLR-2025-0101', 'MLR-2025-0105'] }));
    await first.comment('C1:1.1:U1', 'U1', 'nothing for renal impairment');
    await first.recordUnanswered(unanswered({ at: '2026-12-01T11:00:00.000Z', question: 'what does zorvex cost in germany?', product: 'zorvex' }));
    await first.close();

    const reopened = SqliteFeedbackStore.open(file);
    expect(await reopened.list()).toEqual([
      click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:00.000Z', user: 'U1', auditId: 41, approvalCodes: ['MLR-2025-0101', 'MLR-2025-0105'], comment: 'nothing for renal impairment' }),
    ]);
    expect(await reopened.unanswered()).toHaveLength(1);
    await reopened.close();

    // WAL with synchronous=FULL, as the audit log.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('is committed before record() resolves: another connection sees it at once, without a close', async () => {
    const file = path.join(tempDir('repbot-feedback-'), 'feedback.db');
    const store = SqliteFeedbackStore.open(file);
    await store.record(click({ id: 'x', at: '2026-12-01T10:00:00.000Z' }));
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT id, rating FROM feedback').all()).toEqual([{ id: 'x', rating: 'down' }]);
    other.close();
    await store.close();
  });

  it('resolves a write only after a WAL sync that started after its commit, off the event loop; a failed sync rejects', async () => {
    const file = path.join(tempDir('repbot-feedback-'), 'feedback.db');
    const started: Array<{ release: (error?: Error) => void }> = [];
    const fileSync: FileSync = {
      sync: () => new Promise<void>((resolve, reject) => started.push({ release: (error) => (error ? reject(error) : resolve()) })),
      syncNow: () => undefined,
    };
    const store = SqliteFeedbackStore.open(file, { fileSync });
    let recorded = false;
    const write = store.record(click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:00.000Z', rating: 'down' })).then(() => (recorded = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(1);
    expect(recorded).toBe(false);
    started[0]?.release();
    await write;
    const gap = store.recordUnanswered(unanswered({ at: '2026-12-01T09:00:00.000Z', question: 'does calmira cause hair loss?' }));
    expect(started).toHaveLength(2);
    started[1]?.release(new Error('EIO: i/o error, fsync'));
    await expect(gap).rejects.toThrow('EIO');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await store.close();
  });

  it('redacts personal data from questions and comments before storing them', async () => {
    const store = SqliteFeedbackStore.open(path.join(tempDir('repbot-feedback-'), 'feedback.db'));
    await store.record(click({ id: 'p', at: '2026-12-01T10:00:00.000Z', comment: 'call me on +1 415 555 0100 or jane.doe@example.com' }));
    const [record] = await store.list();
    expect(record?.comment).not.toContain('555 0100');
    expect(record?.comment).not.toContain('jane.doe@example.com');
    await store.close();
  });

  it('refuses a file that is not a feedback store, with a stable code and a hint', () => {
    const file = path.join(tempDir('repbot-feedback-'), 'feedback.db');
    fs.writeFileSync(file, 'this is not a database, just text that happens to be long enough to have a header');
    let error: unknown;
    try {
      SqliteFeedbackStore.open(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RepbotError);
    expect((error as RepbotError).code).toBe('INTERNAL');
    expect((error as RepbotError).message).toContain(file);
  });

  it('the default store lives in <data>/feedback.db and creates nothing until it is used', async () => {
    const dataDir = path.join(tempDir('repbot-data-'), 'data');
    const store = defaultFeedbackStore(dataDir);
    expect(fs.existsSync(feedbackDbPath(dataDir))).toBe(false);
    await store.record(click({ id: 'y', at: '2026-12-01T10:00:00.000Z' }));
    expect(feedbackDbPath(dataDir)).toBe(path.join(dataDir, 'feedback.db'));
    expect(fs.existsSync(feedbackDbPath(dataDir))).toBe(true);
    await store.close();
    await store.close();
  });
});
