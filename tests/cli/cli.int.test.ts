import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { approved, frontMatter, tempDir, writeKnowledge } from '../helpers/temp-knowledge.js';

const root = path.resolve(import.meta.dirname, '../..');

function knowledge() {
  return writeKnowledge({
    'zorvex/product.yaml': 'name: Zorvex\naliases: [zorvastatin, 佐维斯]\n',
    'zorvex/dosing.md': frontMatter(
      approved('Zorvex dosing guide', 'MLR-2025-0001'),
      '## Recommended dosage\nThe maximum dose is 40 mg once daily.\n\n## 儿童用药\n10至17岁儿童的推荐剂量为每日一次10毫克至20毫克。\n',
    ),
    'zorvex/draft.md': frontMatter(approved('Draft', 'MLR-2025-0002', { status: 'draft' }), '## X\nDraft text.\n'),
  });
}

describe('repbot CLI', () => {
  let kb: string;
  let data: string;
  beforeAll(() => {
    kb = knowledge();
    data = tempDir();
  });

  it('ingest --json prints the ingest contract', async () => {
    const r = await runCli(['ingest', '--knowledge', kb, '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ added: 1, updated: 0, removed: 0, unchanged: 0 });
    expect(report.skipped).toEqual([expect.objectContaining({ file: 'zorvex/draft.md', reason: expect.stringMatching(/draft/) })]);
    expect(report.chunks).toBeGreaterThan(0);
    expect(typeof report.ms).toBe('number');
  });

  it('search --json prints passages with title, section and approval code', async () => {
    const r = await runCli(['search', 'max dose', '--knowledge', kb, '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits[0]).toMatchObject({
      file: 'zorvex/dosing.md',
      title: 'Zorvex dosing guide',
      section: 'Recommended dosage',
      approvalCode: 'MLR-2025-0001',
      page: null,
    });
    expect(hits[0].text).toContain('40 mg');
    expect(hits[0].score).toBeGreaterThan(0);
  });

  it('search finds Chinese material for a Chinese question and prints it for a person', async () => {
    const r = await runCli(['search', '儿童剂量', '--knowledge', kb, '--data', data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('10毫克至20毫克');
    expect(r.stdout).toContain('[MLR-2025-0001]');
  });

  it('--batch answers each JSON line in one process and reports bad lines', async () => {
    const batch = path.join(tempDir(), 'q.jsonl');
    fs.writeFileSync(batch, ['{"id":"a","text":"maximum dose"}', 'not json', '{"id":"c","text":""}', '{"id":"d","text":"weather in Paris"}'].join('\n'));
    const r = await runCli(['search', '--batch', batch, '--knowledge', kb, '--data', data]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'c', 'd']);
    expect(lines[0].result[0].approvalCode).toBe('MLR-2025-0001');
    expect(lines[1].error.message).toMatch(/"text" must be a non-empty string/);
    expect(lines[2].result).toEqual([]);
    expect(r.stderr).toMatch(/line 2 is not JSON/);
    expect(r.code).toBe(1);
  });

  it('status lists documents by product and approval state', async () => {
    const r = await runCli(['status', '--knowledge', kb, '--data', data, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout);
    expect(status.products).toEqual([expect.objectContaining({ product: 'zorvex', byStatus: expect.objectContaining({ indexed: 1, draft: 1 }) })]);
    expect(status.embeddingModel).toMatch(/local-hashed/);
  });

  it('exits 2 with a usable message on bad usage, and names a bad setting', async () => {
    const unknown = await runCli(['serach', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "serach".*repbot --help/);
    const noText = await runCli(['search', '--knowledge', kb, '--data', data]);
    expect(noText.code).toBe(2);
    expect(noText.stderr).toMatch(/needs a text/);
    const badK = await runCli(['search', 'x', '-k', 'many', '--knowledge', kb, '--data', data]);
    expect(badK.stderr).toMatch(/-k must be a whole number/);
    const badEnv = await runCli(['status', '--knowledge', kb, '--data', data], { REPBOT_TOP_K: '0' });
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toMatch(/REPBOT_TOP_K/);
  });

  it('the first search on a fresh data folder indexes the knowledge first', async () => {
    const fresh = tempDir();
    const r = await runCli(['search', 'maximum dose', '--knowledge', kb, '--data', fresh, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/No index .* yet — indexing/);
    expect(JSON.parse(r.stdout)[0].approvalCode).toBe('MLR-2025-0001');
  });

  it('`npx repbot` runs the compiled bin as a user would', () => {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
    const r = spawnSync('node', [path.join(root, 'bin/repbot.js'), 'search', 'max dose', '--knowledge', kb, '--data', data, '--json'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0].file).toBe('zorvex/dosing.md');
  });
});
