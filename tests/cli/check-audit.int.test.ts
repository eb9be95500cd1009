import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../src/services/audit-recorder.js';
import { SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-knowledge.js';

// `repbot check` and `repbot audit` end to end, in process, on the sample knowledge and a real
// SQLite audit log.

const env = { USER: 'reviewer-test' };
let data: string;
const cli = (...argv: string[]) => runCli([...argv, '--knowledge', SAMPLE_KNOWLEDGE, '--data', data], env);
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  data = tempDir('repbot-check-audit-');
  const r = await cli('ingest');
  expect(r.code, r.stderr).toBe(0);
});

describe('repbot check', () => {
  it('--json prints the CheckResult: a superlative and an ungrounded figure come out, the approved dose stays', async () => {
    const r = await cli('check', 'Zorvex is the best statin and lowers LDL-C by 93%. The maximum recommended dosage is 40 mg once daily in adults.', '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ verdict: 'fixed', language: 'en', route: null, auditId: expect.any(Number) });
    expect(result.text).toContain('40 mg once daily');
    expect(result.text).not.toMatch(/best|93/);
    const categories = result.findings.map((f: { category: string }) => f.category);
    expect(categories).toEqual(expect.arrayContaining(['superlative', 'ungrounded-claim']));
  });

  it('prints verdict, final text and each finding in the draft\'s language (Chinese)', async () => {
    const r = await cli('check', '佐维斯是最好的降脂药，保证治愈，无副作用。');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^合规结论：已拦截/);
    expect(r.stdout).toContain('发现的问题：');
    expect(r.stdout).toMatch(/违规 \(superlative/);
    expect(r.stdout).toMatch(/绝对化|最/);
    expect(r.stdout).toMatch(/审计记录 #\d+/);
  });

  it('passes approved label language, and --product scopes the grounding', async () => {
    const r = await cli('check', 'The maximum recommended dosage in pediatric patients is 20 mg once daily.', '--product', 'zorvex', '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.findings.filter((f: { severity: string }) => f.severity === 'violation')).toEqual([]);
    expect(result.text).toContain('20 mg once daily');
  });

  it('--batch checks JSON lines in one process', async () => {
    const file = path.join(tempDir(), 'drafts.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ id: 'd1', text: 'Zorvex is a statin.' })}\n${JSON.stringify({ id: 'd2', text: 'Calmira 保证治愈银屑病。' })}\n`);
    const r = await cli('check', '--batch', file);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['d1', 'd2']);
    expect(lines[0].result.verdict).toBe('pass');
    expect(lines[1].result.language).toBe('zh');
    expect(['fixed', 'blocked']).toContain(lines[1].result.verdict);
  });

  it('applies the sample knowledge/compliance-overrides.yaml: banned phrase, approved claim, extra alias and competitor', async () => {
    const banned = JSON.parse((await cli('check', 'Zorvex is a game changer. Zorvex is taken once daily.', '--json')).stdout);
    expect(banned.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'OVR-BANNED-1', match: 'game changer' })]));
    expect(banned.text).not.toContain('game changer');
    const claim = JSON.parse((await cli('check', 'Zorvex 10 mg once daily lowered LDL-C by 39% from baseline compared with 2% for placebo.', '--json')).stdout);
    expect(claim.findings.map((f: { category: string }) => f.category)).toEqual(['fair-balance']);
    expect(claim.text).toContain('Important Safety Information');
    const rival = JSON.parse((await cli('check', 'ZRV-10 lowers LDL-C more than Livalo.', '--json')).stdout);
    expect(rival.findings).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'comparative', match: expect.stringMatching(/more than livalo/i) })]));
  });

  it('names a bad --lang or --product', async () => {
    const lang = await cli('check', 'Zorvex is a statin.', '--lang', 'fr');
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang must be "en" or "zh", got "fr"');
    const product = await cli('check', 'Zorvex is a statin.', '--product', 'Lipitor');
    expect(product.code).toBe(2);
    expect(product.stderr).toContain('--product "Lipitor" is not a product in the knowledge folder');
  });
});

describe('repbot audit', () => {
  beforeAll(async () => {
    const r = await cli('ask', 'my doctor said her patient got a rash on Zorvex');
    expect(r.code, r.stderr).toBe(0);
  });

  it('--json exports the records of a day: ask and check, by whom, from where, with the route', async () => {
    const r = await cli('audit', '--from', today, '--to', today, '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.count).toBe(doc.records.length);
    const kinds = new Set(doc.records.map((x: { kind: string }) => x.kind));
    expect(kinds).toEqual(new Set(['check', 'ask']));
    expect(doc.records.every((x: { user: string; source: string }) => x.user === 'reviewer-test' && x.source === 'cli')).toBe(true);
    const ae = doc.records.find((x: { kind: string }) => x.kind === 'ask');
    expect(ae).toMatchObject({ route: 'pharmacovigilance', context: { routing: { reason: 'adverse-event' } } });
  });

  it('filters by verdict and user, and writes CSV to --out', async () => {
    const out = path.join(tempDir(), 'review.csv');
    const r = await cli('audit', '--from', today, '--verdict', 'fixed,blocked', '--user', 'reviewer-test', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Wrote \d+ audit records \(CSV\) to /);
    const csv = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^id,at,user,channel,source,kind,verdict,route,question,draft,final_text/);
    const rows = csv.slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /,(fixed|blocked),/.test(row))).toBe(true);
  });

  it('writes JSON lines to stdout, and says when nothing matches', async () => {
    const r = await cli('audit', '--format', 'jsonl', '--kind', 'ask');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).kind)).toEqual(['ask']);
    const none = await cli('audit', '--to', '2020-01-01');
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('No audit records match (to 2020-01-01)');
  });

  it('names the bad option', async () => {
    const cases: Array<[string[], string]> = [
      [['--from', '2026-13-01'], '--from must be a date written YYYY-MM-DD'],
      [['--to', 'yesterday'], '--to must be a date written YYYY-MM-DD'],
      [['--from', '2026-03-02', '--to', '2026-03-01'], '--from (2026-03-02) is after --to (2026-03-01)'],
      [['--verdict', 'ok'], '--verdict must be pass, fixed, blocked, routed'],
      [['--format', 'xlsx'], '--format must be "csv" or "jsonl", got "xlsx"'],
      [['--verify', '--from', today], '--verify checks the whole log and does not take --from'],
    ];
    for (const [argv, message] of cases) {
      const r = await cli('audit', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('--verify checks the hash chain, and fails on a record changed behind its back', async () => {
    const ok = await cli('audit', '--verify');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Audit log intact: \d+ records, hash chain verified/);

    const copy = tempDir('repbot-audit-tamper-');
    fs.mkdirSync(path.join(copy, 'audit'));
    const db = new Database(auditFile(data), { readonly: true });
    await db.backup(auditFile(copy));
    db.close();
    const raw = new Database(auditFile(copy));
    raw.exec('DROP TRIGGER audit_no_update');
    raw.prepare("UPDATE audit_records SET final_text = 'something else' WHERE id = 2").run();
    raw.close();
    const bad = await runCli(['audit', '--verify', '--knowledge', SAMPLE_KNOWLEDGE, '--data', copy], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('does not verify: record 2 was changed after it was written');
  });

  it('says where it looked when there is no audit log', async () => {
    const r = await runCli(['audit', '--knowledge', SAMPLE_KNOWLEDGE, '--data', tempDir()], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/There is no audit log at .*audit\.db/);
  });
});
