// Knowledge-base benchmarks: ingest throughput, search latency at 1k and 20k chunks, one-file
// incremental update at 20k chunks, peak memory, and retrieval quality (hybrid vs vector vs
// keyword) on the FDA label question set. Run: npx tsx bench/retrieval-bench.ts
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createServices } from '../src/services/create-services.js';
import type { Services } from '../src/services/services.js';
import { writeFdaKnowledge } from '../tests/helpers/fda-knowledge.js';
import { evaluateRetrieval, loadQuestionSet } from '../tests/helpers/retrieval-eval.js';
import { tempDir } from '../tests/helpers/temp-knowledge.js';
import { fmt, peakRssMb, percentile, time } from './lib.js';
import { machine, writeSection } from './report.js';

const TARGET_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const lines: string[] = [];
const log = (line: string) => {
  console.log(line);
  lines.push(line);
};

async function open(kb: string, data: string): Promise<Services> {
  return createServices(loadConfig({}, { knowledgeDir: kb, dataDir: data }));
}

async function latency(services: Services, questions: string[], rounds: number) {
  const samples: number[] = [];
  for (const q of questions.slice(0, 10)) await services.search(q); // warm up
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) samples.push((await time(() => services.search(q))).ms);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

const set = loadQuestionSet();
const questionTexts = set.questions.map((q) => q.question);

// 1. Ingest throughput and quality on one copy of the labels.
const kb1 = writeFdaKnowledge(1);
const data1 = tempDir();
const s1 = await open(kb1, data1);
const ingest1 = await time(() => s1.ingest());
const pdfKb = tempDir();
fs.mkdirSync(path.join(pdfKb, 'lipitor'));
fs.cpSync(path.join(kb1, 'lipitor'), path.join(pdfKb, 'lipitor'), { recursive: true });
const pdfIngest = await time(async () => (await open(pdfKb, tempDir())).ingest());
const pdfPages = 39;
const chars = ['humira', 'viagra']
  .map((p) => fs.readFileSync(path.join(kb1, p, `${p}-prescribing-information.md`), 'utf8').length)
  .reduce((a, b) => a + b, 0);

const quality: Record<string, Awaited<ReturnType<typeof evaluateRetrieval>>> = {};
for (const mode of ['hybrid', 'vector', 'keyword'] as const) quality[mode] = await evaluateRetrieval(s1, set.questions, mode);
let unrelatedReturned = 0;
for (const q of set.unrelated) if ((await s1.search(q)).length > 0) unrelatedReturned++;
const lat1 = await latency(s1, questionTexts, 3);

// 2. A ~20k-chunk index: the labels repeated under other product names.
const copies = Math.max(1, Math.ceil(TARGET_CHUNKS / ingest1.value.chunks));
const kb20 = writeFdaKnowledge(copies);
const data20 = tempDir();
const s20 = await open(kb20, data20);
const ingest20 = await time(() => s20.ingest());
const lat20 = await latency(s20, questionTexts, 3);
const changed = path.join(kb20, 'humira-copy-001', 'humira-prescribing-information.md');
const updates: number[] = [];
const written: number[] = [];
let update = await time(() => s20.ingest());
for (let i = 0; i < 3; i++) {
  fs.appendFileSync(changed, `\n\n## Bench edit ${i}\nThis paragraph was added by the incremental update benchmark.\n`);
  update = await time(() => s20.ingest());
  const firstAnswer = await time(() => s20.search('humira storage temperature'));
  updates.push(update.ms + firstAnswer.ms);
  written.push(update.value.ms);
}
// The same update from a fresh process, as `repbot ingest` runs it.
fs.appendFileSync(changed, '\n\n## Bench edit cli\nOne more paragraph.\n');
const cliUpdate = await time(async () => (await open(kb20, data20)).ingest());
const afterUpdate = await s20.search('paragraph added by the incremental update benchmark');

const pct = (x: number) => `${fmt(x * 100, 1)} %`;
log(`Command: \`npx tsx bench/retrieval-bench.ts\` (${machine()}, run ${new Date().toISOString().slice(0, 10)})`);
log('');
log('| measure | result | target |');
log('|---|---|---|');
log(`| ingest, 3 FDA labels (1 PDF of 39 pages + 2 long text labels, ${ingest1.value.chunks} chunks), cold | ${fmt(ingest1.ms / 1000, 2)} s | |`);
log(`| ingest throughput, Lipitor PDF alone (39 pages) | ${fmt(pdfPages / (pdfIngest.ms / 1000), 1)} pages/s | |`);
log(`| ingest throughput, text labels | ${fmt(chars / 1000 / (ingest1.ms / 1000), 0)} k characters/s (all 3 labels) | |`);
log(`| ingest, ${ingest20.value.chunks} chunks (${copies} copies of the labels), cold | ${fmt(ingest20.ms / 1000, 1)} s | |`);
log(`| incremental update, one changed file in the ${ingest20.value.chunks}-chunk index: written and current | median ${fmt(percentile(written, 50), 0)} ms of 3 edits (${written.map((u) => fmt(u, 0)).join(', ')} ms; ${update.value.updated} updated, ${update.value.unchanged} unchanged) | < 2 s |`);
log(`| … until the first answer from the new index (write, then the next question loads it) | median ${fmt(percentile(updates, 50), 0)} ms (${updates.map((u) => fmt(u, 0)).join(', ')} ms; edit found: ${afterUpdate[0]?.file === 'humira-copy-001/humira-prescribing-information.md'}) | |`);
log(`| … from a fresh process (\`repbot ingest\` after an edit, excluding Node start-up) | ${fmt(cliUpdate.ms, 0)} ms | |`);
log(`| search latency, ${ingest1.value.chunks} chunks (in process, ${lat1.n} queries) | p50 ${fmt(lat1.p50, 2)} ms, p95 ${fmt(lat1.p95, 2)} ms | |`);
log(`| search latency, ${ingest20.value.chunks} chunks (in process, ${lat20.n} queries) | p50 ${fmt(lat20.p50, 2)} ms, p95 ${fmt(lat20.p95, 2)} ms | p95 < 20 ms |`);
log(`| peak memory (RSS, whole benchmark process) | ${fmt(peakRssMb(), 0)} MB | |`);
log('');
log(`Retrieval quality on \`tests/data/fda-questions.yaml\` (${set.questions.length} rep-style questions over the 3 labels, ` +
  `${set.questions.filter((q) => q.lang === 'zh').length} in Chinese; a hit = the passage containing the expected text is in the top 5):`);
log('');
log('| method | recall@5 | MRR | recall@5 en | recall@5 zh |');
log('|---|---|---|---|---|');
for (const [mode, r] of Object.entries(quality)) {
  log(`| ${mode} | ${pct(r.recallAt5)} | ${fmt(r.mrr, 3)} | ${pct(r.byLang.en?.recallAt5 ?? 0)} | ${pct(r.byLang.zh?.recallAt5 ?? 0)} |`);
}
log('');
log(`Relevance floor: ${unrelatedReturned} of ${set.unrelated.length} unrelated questions returned any passage (target 0).`);
if (quality.hybrid && quality.hybrid.misses.length > 0) {
  log('');
  log(`Hybrid misses: ${quality.hybrid.misses.map((m) => `\`${m.id}\``).join(', ')}`);
}
writeSection('retrieval', `## Knowledge base and retrieval\n\n${lines.join('\n')}`);
