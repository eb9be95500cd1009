import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { type FileSync, fsyncFile } from '../../src/core/wal-sync.js';
import type { CheckResult } from '../../src/compliance/types.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const result = (verdict: CheckResult['verdict'], text = ''): CheckResult => ({
  verdict,
  text,
  findings: verdict === 'pass' ? [] : [{ ruleId: 'UNI-AE-001', category: 'adverse-event', severity: 'violation', action: 'route', message: 'possible adverse event', routeTo: 'pharmacovigilance', match: 'rash' }],
  notes: verdict === 'pass' ? [] : ['Not posted: possible adverse event.'],
  route: verdict === 'routed' ? 'pharmacovigilance' : null,
  language: 'en',
});

let clockTime = new Date('2025-03-01T09:00:00.000Z');
const clock = { now: () => clockTime };
const logs: AuditLog[] = [];
function open(file = path.join(tempDir('repbot-audit-'), 'audit.sqlite')) {
  const log = AuditLog.open(file, { clock });
  logs.push(log);
  return { log, file };
}
afterEach(() => {
  for (const log of logs.splice(0)) log.close();
});

describe('AuditLog', () => {
  it('stores a draft, its sources, findings, verdict and final text, with PII redacted', () => {
    const { log } = open();
    const rec = log.append({
      user: 'U123',
      channel: 'C9',
      source: 'slack',
      kind: 'ask',
      draft: 'My patient Mrs. Henderson has diabetes and got a rash on Lipitor; call her at 415-555-2671.',
      sources: [{ chunkId: 'lipitor/label.md#12', approvalCode: 'MLR-2025-0142' }],
      result: result('routed'),
    });
    expect(rec).toMatchObject({ id: 1, user: 'U123', kind: 'ask', verdict: 'routed', route: 'pharmacovigilance', finalText: '' });
    const [stored] = log.query();
    expect(stored?.draft).toBe('My patient [patient name removed] has diabetes and got a rash on Lipitor; call her at [phone number removed].');
    expect(stored?.sources).toEqual([{ chunkId: 'lipitor/label.md#12', approvalCode: 'MLR-2025-0142' }]);
    expect(stored?.findings[0]?.ruleId).toBe('UNI-AE-001');
  });

  it('runs SQLite in WAL mode and syncs the WAL file itself before append returns', () => {
    const syncs: string[] = [];
    const fileSync: FileSync = {
      sync: async () => {
        syncs.push('async');
      },
      syncNow: (fd) => {
        syncs.push('now');
        fsyncFile.syncNow(fd);
      },
    };
    const file = path.join(tempDir('repbot-audit-'), 'audit.sqlite');
    const log = AuditLog.open(file, { clock, fileSync });
    logs.push(log);
    log.append({ user: 'U1', kind: 'check', draft: 'x', result: result('pass', 'x') });
    log.append({ user: 'U1', kind: 'check', draft: 'y', result: result('pass', 'y') });
    expect(syncs).toEqual(['now', 'now']);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('appendDurably resolves only after a WAL sync that started after its commit; a burst shares a few syncs', async () => {
    const { file } = open();
    // Each sync remembers how many records were committed when it started, and finishes when released.
    const started: Array<{ committed: number; release: () => void }> = [];
    let committed = 0;
    const fileSync: FileSync = {
      sync: () => new Promise<void>((resolve) => started.push({ committed, release: resolve })),
      syncNow: () => undefined,
    };
    const log = AuditLog.open(file, { clock, fileSync });
    logs.push(log);
    const durable = (draft: string) => {
      const p = log.appendDurably({ user: 'U1', kind: 'ask', draft, result: result('pass', draft) });
      committed += 1;
      return p;
    };
    const done: number[] = [];
    const first = durable('a').then((r) => done.push(r.id));
    expect(started).toHaveLength(1);
    const rest = ['b', 'c', 'd', 'e'].map((d) => durable(d).then((r) => done.push(r.id)));
    await new Promise((resolve) => setImmediate(resolve));
    // b–e were committed while the first sync ran: none of them is done, and they wait for one more sync.
    expect(started).toHaveLength(1);
    started[0]?.release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual([1]);
    expect(started).toHaveLength(2);
    expect(started[1]?.committed).toBe(5);
    started[1]?.release();
    await Promise.all(rest);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(started).toHaveLength(2);
    expect(log.verify()).toMatchObject({ ok: true });
  });

  it('appendDurably rejects when the sync fails (the caller gives no reply)', async () => {
    const { file } = open();
    const log = AuditLog.open(file, { clock, fileSync: { sync: async () => Promise.reject(new Error('EIO: disk gone')), syncNow: () => undefined } });
    logs.push(log);
    await expect(log.appendDurably({ user: 'U1', kind: 'ask', draft: 'x', result: result('pass', 'x') })).rejects.toThrow(/EIO/);
  });

  it('is append-only: UPDATE and DELETE are refused by the database itself', () => {
    const { log, file } = open();
    log.append({ user: 'U1', kind: 'check', draft: 'x', result: result('pass', 'x') });
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit_records SET verdict = 'pass'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_records').run()).toThrow(/append-only/);
    db.close();
    expect(log.query()).toHaveLength(1);
  });

  it('chains records so a gap or an edit shows', () => {
    const { log, file } = open();
    for (let i = 0; i < 3; i++) log.append({ user: 'U1', kind: 'check', draft: `d${i}`, result: result('pass', `d${i}`) });
    expect(log.verify()).toEqual({ ok: true, value: { records: 3 } });
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit_records SET final_text = 'tampered' WHERE id = 2").run();
    db.close();
    expect(log.verify()).toEqual({ ok: false, error: 'record 2 was changed after it was written' });
  });

  it('is queried by date range, user and verdict', () => {
    const { log } = open();
    const days = ['2025-03-01T10:00:00Z', '2025-03-02T23:59:00Z', '2025-03-03T00:00:00Z'];
    const verdicts = ['pass', 'blocked', 'routed'] as const;
    days.forEach((day, i) => {
      clockTime = new Date(day);
      log.append({ user: i === 1 ? 'U2' : 'U1', kind: 'ask', draft: `q${i}`, result: result(verdicts[i] as CheckResult['verdict']) });
    });
    expect(log.query({ from: '2025-03-02', to: '2025-03-02' }).map((r) => r.draft)).toEqual(['q1']);
    expect(log.query({ from: '2025-03-02' }).map((r) => r.draft)).toEqual(['q1', 'q2']);
    expect(log.query({ user: 'U1' }).map((r) => r.draft)).toEqual(['q0', 'q2']);
    expect(log.query({ verdict: ['blocked', 'routed'] }).map((r) => r.draft)).toEqual(['q1', 'q2']);
    expect(() => log.query({ from: 'last tuesday' })).toThrow(/not a date/);
  });

  it('exports CSV (quoted, formula-safe) and JSONL', () => {
    const { log } = open();
    clockTime = new Date('2025-03-04T08:00:00Z');
    log.append({ user: 'U1', kind: 'check', draft: '=HYPERLINK("x"), "quoted", two\nlines', sources: [{ chunkId: 'c#1', approvalCode: 'MLR-1' }], result: result('blocked') });
    const csv = log.exportCsv();
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('id,at,user,channel,source,kind,verdict,route,question,draft,final_text,findings,notes,approval_codes,chunk_ids,context,hash');
    expect(row).toContain(`"'=HYPERLINK(""x""), ""quoted"", two\nlines"`);
    expect(row).toContain('UNI-AE-001 adverse-event violation/route');
    const jsonl = log.exportJsonl({ from: '2025-03-04', to: '2025-03-04' }).trim().split('\n');
    expect(jsonl).toHaveLength(1);
    expect(JSON.parse(jsonl[0] as string)).toMatchObject({ id: 1, verdict: 'blocked', sources: [{ approvalCode: 'MLR-1' }] });
  });

  it('keeps the question and the routing context, redacted, in the chain', () => {
    const { log, file } = open();
    log.append({
      user: 'U1',
      kind: 'ask',
      question: 'Mrs. Henderson has diabetes and got a rash; call 415-555-2671',
      draft: 'Report it to Pharmacovigilance within 24 hours.',
      route: 'pharmacovigilance',
      context: { routing: { reason: 'adverse-event', fields: { patient: 'Mrs. Henderson has diabetes', event: ['rash'] } }, threadId: 't1' },
      result: result('pass', 'Report it to Pharmacovigilance within 24 hours.'),
    });
    const [rec] = log.query();
    expect(rec?.question).toBe('[patient name removed] has diabetes and got a rash; call [phone number removed]');
    expect(rec?.route).toBe('pharmacovigilance');
    expect(rec?.context).toEqual({ routing: { reason: 'adverse-event', fields: { patient: '[patient name removed] has diabetes', event: ['rash'] } }, threadId: 't1' });
    expect(log.verify().ok).toBe(true);
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare("UPDATE audit_records SET context = json_set(context, '$.threadId', 't2')").run();
    raw.close();
    expect(log.verify()).toEqual({ ok: false, error: 'record 1 was changed after it was written' });
  });

  it('upgrades a schema-1 log in place: old records still verify, new ones carry the question', () => {
    const { log, file } = open();
    log.append({ user: 'U1', kind: 'check', draft: 'old', result: result('pass', 'old') });
    log.close();
    logs.pop();
    const raw = new Database(file);
    raw.exec('ALTER TABLE audit_records DROP COLUMN question; ALTER TABLE audit_records DROP COLUMN context;');
    raw.pragma('user_version = 1');
    raw.close();
    const again = open(file).log;
    again.append({ user: 'U1', kind: 'ask', question: 'max dose?', draft: 'new', result: result('pass', 'new') });
    expect(again.query().map((r) => [r.draft, r.question])).toEqual([['old', null], ['new', 'max dose?']]);
    expect(again.verify()).toEqual({ ok: true, value: { records: 2 } });
  });

  it('reopens an existing log and keeps appending to the same chain', () => {
    const { log, file } = open();
    log.append({ user: 'U1', kind: 'check', draft: 'a', result: result('pass', 'a') });
    log.close();
    logs.pop();
    const again = open(file).log;
    again.append({ user: 'U1', kind: 'check', draft: 'b', result: result('pass', 'b') });
    expect(again.query().map((r) => r.id)).toEqual([1, 2]);
    expect(again.verify().ok).toBe(true);
  });
});
