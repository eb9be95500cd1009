import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackDbPath } from '../../src/feedback/default-feedback-store.js';
import { SqliteFeedbackStore } from '../../src/feedback/sqlite-feedback-store.js';
import { runCli } from '../helpers/run-cli.js';
import { approved, frontMatter, tempDir, writeKnowledge } from '../helpers/temp-knowledge.js';
import { click } from './fixtures.js';

describe('repbot feedback and repbot gaps', () => {
  let kb: string;
  let data: string;
  const cli = (...args: string[]) => runCli([...args, '--knowledge', kb, '--data', data]);

  beforeAll(async () => {
    kb = writeKnowledge({
      'zorvex/product.yaml': 'name: Zorvex\naliases: [zorvastatin, 佐维斯]\nmedicalInformation: "Medical Information: medinfo@example.com"\n',
      'zorvex/dosing.md': frontMatter(approved('Zorvex dosing guide', 'MLR-2025-0001'), '## Recommended dosage\nThe maximum dose of Zorvex is 40 mg once daily.\n'),
    });
    data = tempDir('repbot-feedback-cli-');
    expect((await cli('ingest')).code).toBe(0);
  });

  it('search and status do not create the feedback store', async () => {
    expect((await cli('search', 'max dose')).code).toBe(0);
    expect(fs.existsSync(feedbackDbPath(data))).toBe(false);
  });

  it('`ask` feeds the content-gaps report: unanswered questions, EN and ZH, grouped by topic', async () => {
    for (const q of ['what does zorvex cost in germany?', 'What does Zorvex cost in Germany', '佐维斯在德国卖多少钱？', 'what is the maximum dose of zorvex?']) {
      const r = await cli('ask', q, '--json');
      expect(r.code, r.stderr).toBe(0);
    }
    const r = await cli('gaps', '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.totals).toMatchObject({ unanswered: 3, notHelpful: 0, topics: 2 });
    expect(report.gaps[0]).toMatchObject({ question: 'What does Zorvex cost in Germany', count: 2, unanswered: 2, products: ['zorvex'], alsoAskedAs: ['what does zorvex cost in germany?'] });
    expect(report.gaps[1]).toMatchObject({ question: '佐维斯在德国卖多少钱？', count: 1 });

    const text = await cli('gaps');
    expect(text.stdout).toContain('1. "What does Zorvex cost in Germany"');
    expect(text.stdout).toContain('Asked 2 times: 2 not answered; last asked');
  });

  it('exports feedback as CSV (default) or JSON lines, by period and rating', async () => {
    const store = SqliteFeedbackStore.open(feedbackDbPath(data));
    await store.record(click({ id: 'C1:1.1:U1', at: '2026-11-20T10:00:00.000Z', rating: 'up' }));
    await store.record(click({ id: 'C1:1.1:U2', at: '2026-12-01T10:00:00.000Z', user: 'U2', comment: 'no paediatric dose', auditId: 17 }));
    await store.close();

    const csv = await cli('feedback');
    expect(csv.code, csv.stderr).toBe(0);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('id,at,rating,user,channel,message_ts,kind,question,route,product,approval_codes,verdict,comment,audit_id');
    expect(rows).toHaveLength(3);

    const jsonl = await cli('feedback', '--format', 'jsonl', '--rating', 'down', '--from', '2026-12-01', '--to', '2026-12-01');
    expect(jsonl.code, jsonl.stderr).toBe(0);
    const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ id: 'C1:1.1:U2', rating: 'down', comment: 'no paediatric dose', auditId: 17 })]);

    const json = JSON.parse((await cli('feedback', '--json', '--to', '2026-11-30')).stdout);
    expect(json).toMatchObject({ count: 1, to: '2026-11-30', records: [{ id: 'C1:1.1:U1', rating: 'up' }] });

    const gaps = JSON.parse((await cli('gaps', '--json', '--from', '2026-12-01', '--to', '2026-12-01')).stdout);
    expect(gaps.gaps).toEqual([expect.objectContaining({ notHelpful: 1, comments: ['no paediatric dose'], auditIds: [17] })]);
  });

  it('says what is wrong with a bad option', async () => {
    const format = await cli('feedback', '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be "csv" or "jsonl", got "xml"');
    const rating = await cli('feedback', '--rating', 'meh');
    expect(rating.code).toBe(2);
    const from = await cli('gaps', '--from', 'yesterday');
    expect(from.code).toBe(1);
    expect(from.stderr).toContain('"yesterday" is not a date or time');
  });
});
