import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/audit-log.js';
import { routeOf, toReply } from '../../src/answering/reply-document.js';
import type { AnswerReply } from '../../src/answering/reply.js';
import { isCheckedReply } from '../../src/compliance/index.js';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { isRepbotError } from '../../src/core/errors.js';
import { auditFile } from '../../src/services/audit-recorder.js';
import type { CheckedDraft } from '../../src/services/check-service.js';
import { createServices } from '../../src/services/create-services.js';
import type { Services } from '../../src/services/services.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { tempDir } from '../helpers/temp-knowledge.js';

// Invariant: nothing reaches the caller without a CheckedReply AND a durable audit record. Every
// output path of the services — an answer, each route, not found, an objection script, a routed
// objection, `check` — is run against the real knowledge base, the real rules and the real
// SQLite audit log, and each reply is matched with its record.

let services: Services;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('repbot-audit-trail-');
  const config = loadConfig({}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir });
  services = await createServices(config, { clock: fixedClock(EVAL_DAY) });
  await services.ingest();
});
afterAll(async () => {
  await services.close();
});

function recordOf(id: number | null): AuditRecord {
  expect(id).toEqual(expect.any(Number));
  const found = services.auditLog().query().find((r) => r.id === id);
  expect(found).toBeDefined();
  return found as AuditRecord;
}

function expectRecorded(checked: AnswerReply, expected: { kind: 'ask' | 'objection'; user: string; channel: string | null; via: string; route: string | null; reason?: string }): AuditRecord {
  expect(isCheckedReply(checked)).toBe(true);
  const rec = recordOf(checked.payload.auditId);
  expect(rec).toMatchObject({ kind: expected.kind, user: expected.user, channel: expected.channel, source: expected.via });
  expect(rec.verdict).toBe(checked.compliance.verdict);
  expect(rec.findings.map((f) => f.ruleId)).toEqual(checked.compliance.findings.map((f) => f.ruleId));
  expect(rec.route).toBe(expected.route);
  expect(routeOf(checked)).toBe(expected.route);
  if (expected.reason) expect(rec.context).toMatchObject({ routing: { reason: expected.reason } });
  return rec;
}

const slack = { user: 'U0REP1', channel: 'C0FIELD', via: 'slack' } as const;

describe('every output path is checked and audited', () => {
  it('an answer: draft, cited chunk ids and approval codes, final text', async () => {
    const checked = await services.ask('zorvex max dose?', { ...slack, threadId: 't-1' });
    const rec = expectRecorded(checked, { kind: 'ask', ...slack, route: null });
    const reply = toReply(checked);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(rec.finalText).toBe(checked.text);
    expect(rec.question).toBe('zorvex max dose?');
    expect(rec.draft).toContain('[1]');
    const codes = new Set(rec.sources.map((s) => s.approvalCode));
    for (const c of reply.citations) expect(codes).toContain(c.approvalCode);
    expect(rec.sources.every((s) => s.chunkId.includes('#'))).toBe(true);
    expect(rec.context).toMatchObject({ threadId: 't-1', product: 'zorvex', mode: 'extractive' });
  });

  it('an adverse event: routed to pharmacovigilance, recorded with the reason and the fields, PII redacted', async () => {
    const checked = await services.ask('Dr Li called 415-555-2671: her patient got a rash on Zorvex', slack);
    const rec = expectRecorded(checked, { kind: 'ask', ...slack, route: 'pharmacovigilance', reason: 'adverse-event' });
    expect(rec.question).not.toContain('415-555-2671');
    expect(rec.context).toMatchObject({ routing: { route: 'pharmacovigilance', fields: { event: ['rash'] } } });
  });

  it('off-label: routed to Medical Information', async () => {
    const checked = await services.ask('can I tell doctors Zorvex works for migraine?', slack);
    expectRecorded(checked, { kind: 'ask', ...slack, route: 'medical-information', reason: 'off-label-use' });
  });

  it('individual medical advice: routed to Medical Information', async () => {
    const checked = await services.ask('should my patient stop Calmira before surgery?', slack);
    expectRecorded(checked, { kind: 'ask', ...slack, route: 'medical-information', reason: 'individual-medical-advice' });
  });

  it('not found: the Medical Information offer is recorded too', async () => {
    const checked = await services.ask('what is the parking policy at the regional office?', { user: 'alice', via: 'cli' });
    expectRecorded(checked, { kind: 'ask', user: 'alice', channel: null, via: 'cli', route: 'not-found', reason: 'no-approved-source' });
  });

  it('an objection script', async () => {
    const checked = await services.objection("it's too expensive", { ...slack, product: 'zorvex' });
    const rec = expectRecorded(checked, { kind: 'objection', ...slack, route: null });
    expect(rec.context).toMatchObject({ category: 'price' });
    expect(rec.finalText).toBe(checked.text);
  });

  it('an objection that reports an adverse event is routed, and recorded as an objection', async () => {
    const checked = await services.objection('my patient had a seizure on Zorvex, so I stopped prescribing it', slack);
    expectRecorded(checked, { kind: 'objection', ...slack, route: 'pharmacovigilance', reason: 'adverse-event' });
  });

  it('check: the filter result, with the approved passages its figures were grounded against', async () => {
    const checked: CheckedDraft = await services.check('Zorvex is the best statin. The maximum recommended dosage is 40 mg once daily in adults.', {
      user: 'alice',
      via: 'cli',
    });
    expect(isCheckedReply(checked)).toBe(true);
    const rec = recordOf(checked.payload.auditId);
    expect(rec).toMatchObject({ kind: 'check', user: 'alice', source: 'cli', verdict: checked.compliance.verdict, finalText: checked.text });
    expect(rec.findings.some((f) => f.category === 'superlative')).toBe(true);
    expect(checked.text).not.toMatch(/best/);
    expect(checked.text).toContain('40 mg once daily');
    expect(rec.sources.length).toBeGreaterThan(0);
    expect(rec.sources).toEqual(checked.payload.sources.map((s) => ({ chunkId: s.id, approvalCode: s.approvalCode })));
  });

  it('check: a figure the approved material does not state is an ungrounded claim', async () => {
    const checked = await services.check('Zorvex lowers LDL-C by 93% in two weeks.', { user: 'alice', via: 'cli' });
    expect(checked.compliance.findings.some((f) => f.category === 'ungrounded-claim')).toBe(true);
    expect(checked.text).not.toContain('93%');
    recordOf(checked.payload.auditId);
  });

  it('the chain verifies, and there is one record per reply plus superseded drafts', () => {
    const records = services.auditLog().query();
    expect(records.length).toBeGreaterThanOrEqual(9);
    expect(records.every((r) => r.at === new Date(EVAL_DAY).toISOString())).toBe(true);
    const verified = services.auditLog().verify();
    expect(verified).toEqual({ ok: true, value: { records: records.length } });
    for (const r of records.filter((x) => x.context && 'replaces' in x.context)) {
      expect(records.some((x) => x.id === r.context?.replaces)).toBe(true);
    }
  });

  it('the records are on disk in <data>/audit/audit.db', () => {
    expect(fs.statSync(auditFile(dataDir)).size).toBeGreaterThan(0);
  });
});

describe('fail closed when the audit log cannot be written', () => {
  let broken: Services;
  beforeAll(async () => {
    const data = tempDir('repbot-audit-broken-');
    const config = loadConfig({}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir: data });
    broken = await createServices(config, { clock: fixedClock(EVAL_DAY) });
    await broken.ingest();
    // A folder where the database file should be: SQLite cannot open it.
    fs.mkdirSync(path.join(auditFile(data)), { recursive: true });
  });
  afterAll(async () => {
    await broken.close();
  });

  const attempts: Array<[string, (s: Services) => Promise<unknown>]> = [
    ['an answer', (s) => s.ask('zorvex max dose?')],
    ['a route', (s) => s.ask('her patient got a rash on Zorvex')],
    ['an objection', (s) => s.objection("it's too expensive")],
    ['a check', (s) => s.check('Zorvex is a statin.')],
  ];

  it.each(attempts)('%s is not given: AUDIT_UNAVAILABLE', async (_name, attempt) => {
    const error = await attempt(broken).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isRepbotError(error)).toBe(true);
    expect(isRepbotError(error) && error.code).toBe('AUDIT_UNAVAILABLE');
    expect(String((error as Error).message)).toMatch(/audit log .* cannot be written/);
  });
});
