import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createServices } from '../../src/services/create-services.js';
import { approved, frontMatter, tempDir, writeKnowledge } from '../helpers/temp-knowledge.js';

const root = path.resolve(import.meta.dirname, '../..');
const child = path.join(root, 'tests/fixtures/ingest-child.ts');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** One searchable word per paragraph: digits spelled as letters so the tokenizer keeps it whole. */
const tag = (marker: string, i: number, j: number) =>
  `${marker}${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '')}q${String(j).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '')}`;

function bigFolder(files: number, marker: string) {
  const docs: Record<string, string> = { 'zorvex/product.yaml': 'name: Zorvex\n' };
  for (let i = 0; i < files; i++) {
    const body = Array.from({ length: 30 }, (_, j) => `## Section ${j}\nParagraph ${tag(marker, i, j)}: the recommended dose is ${j + 1} mg once daily in study ${i}.\n`).join('\n');
    docs[`zorvex/doc-${String(i).padStart(3, '0')}.md`] = frontMatter(approved(`Doc ${i}`, `MLR-2025-${1000 + i}`), body);
  }
  return writeKnowledge(docs);
}

async function searchFile(knowledgeDir: string, dataDir: string, query: string) {
  const services = await createServices(loadConfig({}, { knowledgeDir, dataDir }));
  return services.search(query, { k: 3 });
}

describe('crash safety', () => {
  it('a kill -9 in the middle of an ingest leaves the previous index loadable and answering', async () => {
    const kb = bigFolder(40, 'original');
    const data = tempDir();
    const first = spawnSync(tsx, [child, kb, data], { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect((await searchFile(kb, data, tag('original', 7, 3)))[0]?.text).toContain(tag('original', 7, 3));

    for (const file of fs.readdirSync(path.join(kb, 'zorvex')).filter((f) => f.endsWith('.md'))) {
      const p = path.join(kb, 'zorvex', file);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll('original', 'revised'));
    }
    const killed = spawnSync(tsx, [child, kb, data], { encoding: 'utf8', env: { ...process.env, KILL_AFTER_EMBEDS: '25' } });
    // tsx runs node as a child and reports its SIGKILL as exit status 137.
    expect(killed.signal === 'SIGKILL' || killed.status === 137, killed.stderr).toBe(true);

    const hits = await searchFile(kb, data, tag('original', 7, 3));
    expect(hits[0]?.text).toContain(tag('original', 7, 3));
    // The next ingest takes over the dead process's lock and finishes the update.
    const resumed = spawnSync(tsx, [child, kb, data], { encoding: 'utf8' });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect((await searchFile(kb, data, tag('revised', 7, 3)))[0]?.text).toContain(tag('revised', 7, 3));
  });

  it('survives kills at arbitrary moments, including while the new generation is being written', async () => {
    const kb = bigFolder(25, 'alpha');
    const data = tempDir();
    expect(spawnSync(tsx, [child, kb, data]).status).toBe(0);
    for (const delay of [300, 700, 1100, 1500, 1900]) {
      for (const file of fs.readdirSync(path.join(kb, 'zorvex')).filter((f) => f.endsWith('.md'))) {
        fs.appendFileSync(path.join(kb, 'zorvex', file), `\n## Extra\nalpha extra ${delay}.\n`);
      }
      const proc = spawn(tsx, [child, kb, data], { stdio: 'ignore', detached: true });
      // Listened for at once: an ingest that finishes before the kill must not be waited for forever.
      const exited = new Promise((r) => proc.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // it may have finished already: then the new index must answer too
      }
      await exited;
      const hits = await searchFile(kb, data, tag('alpha', 3, 4));
      expect(hits[0]?.text, `after a kill at ${delay} ms`).toContain(tag('alpha', 3, 4));
    }
  });
});
