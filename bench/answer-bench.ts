// Answer benchmarks (issue 3): fact hit rate, routing and not-found on the evaluation sets, with
// the answering alone (a rule-less filter) and end to end through the real compliance filter;
// `ask` latency in process on the sample knowledge, the FDA labels and a ~20k-chunk index; and
// the whole-process time of one ask. Run: npx tsc -p tsconfig.build.json && npx tsx bench/answer-bench.ts
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { toReply } from '../src/answering/reply-document.js';
import { uncitedNote } from '../src/answering/reply-texts.js';
import type { Services } from '../src/services/services.js';
import { complianceFilterFor } from '../src/services/compliance-wiring.js';
import { type ItemResult, containsFact, loadAnswerSet, pct, runItem, summarize } from '../tests/helpers/answer-eval.js';
import { SAMPLE_KNOWLEDGE, answerServices, passThroughFilter } from '../tests/helpers/answer-services.js';
import { writeFdaKnowledge } from '../tests/helpers/fda-knowledge.js';
import { loadQuestionSet } from '../tests/helpers/retrieval-eval.js';
import { tempDir } from '../tests/helpers/temp-knowledge.js';
import { fmt, percentile, time } from './lib.js';
import { machine, writeSection } from './report.js';

const WITHHELD_NOTE = uncitedNote('en').slice(0, 40);
const TARGET_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const out: string[] = [];
const log = (line = '') => {
  console.log(line);
  out.push(line);
};

const fdaSet = loadQuestionSet();
const items = loadAnswerSet();
const fdaKb = writeFdaKnowledge(1);

async function evaluate(label: string, filter: 'none' | 'real') {
  // 'none': a filter without rules (answer quality alone); 'real': the shipped rule packs and the folder's overrides.
  const open = async (kb: string) => (await answerServices(kb, { replyFilter: filter === 'real' ? complianceFilterFor(kb) : passThroughFilter })).services;
  const services: Record<'sample' | 'fda', Services> = { sample: await open(SAMPLE_KNOWLEDGE), fda: await open(fdaKb) };
  const results: ItemResult[] = [];
  for (const item of items) results.push(await runItem(services[item.kb], item));
  const s = summarize(results);
  let withheld = results.filter((r) => r.withheld).length;
  let fdaHits = 0;
  let fdaUncited = 0;
  const lang = { en: { hit: 0, total: 0 }, zh: { hit: 0, total: 0 } };
  for (const q of fdaSet.questions) {
    const checked = await services.fda.ask(q.question);
    if (checked.payload.notes.some((n) => n.startsWith(WITHHELD_NOTE))) withheld++;
    const reply = toReply(checked);
    const ok = containsFact(reply.answer, q.fact);
    lang[q.lang as 'en' | 'zh'].total++;
    if (ok) {
      fdaHits++;
      lang[q.lang as 'en' | 'zh'].hit++;
    }
    if (reply.route === null && reply.answer !== '' && reply.citations.length === 0) fdaUncited++;
  }
  let unrelated = 0;
  for (const u of fdaSet.unrelated) if (toReply(await services.fda.ask(u)).route === 'not-found') unrelated++;
  return { label, s, fda: { hit: fdaHits, total: fdaSet.questions.length }, lang, fdaUncited, unrelated, services, withheld };
}

async function latency(services: Services, questions: string[], rounds: number) {
  // Warm-up: one pass over the questions (JIT, each product's exact-search matrix and filter).
  for (const q of questions) await services.ask(q);
  const samples: number[] = [];
  // CPU time of the process (user + system) beside the wall time: what the ask computes, apart
  // from waiting (disk syncs of the audit log) and from other work sharing the cores.
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const before = process.cpuUsage();
      samples.push((await time(() => services.ask(q))).ms);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length, cpu50: percentile(cpu, 50), cpu95: percentile(cpu, 95) };
}

const extractive = await evaluate('answering (rule-less filter)', 'none');
const endToEnd = await evaluate('end to end (shipped compliance rules)', 'real');

const sampleQuestions = items.filter((i) => i.kb === 'sample' && !i.thread).map((i) => i.question);
const fdaQuestions = fdaSet.questions.map((q) => q.question);
const latSample = await latency(extractive.services.sample, sampleQuestions, 3);
const latFda = await latency(extractive.services.fda, fdaQuestions, 3);

// ~20k chunks: the labels repeated under other product names.
const copies = Math.max(1, Math.ceil(TARGET_CHUNKS / 528));
const kb20 = writeFdaKnowledge(copies);
const big = await answerServices(kb20);
const chunks20 = (await big.services.status()).index?.chunks ?? 0;
const lat20 = await latency(big.services, fdaQuestions, 1);

// One ask in a fresh process (built code, default services), index already built.
const processData = tempDir();
spawnSync(process.execPath, [path.resolve(import.meta.dirname, 'ask-once.mjs'), SAMPLE_KNOWLEDGE, processData, 'warm up: zorvex dose'], { encoding: 'utf8' });
const processMs: number[] = [];
for (const q of ['zorvex max dose?', '卡米拉怎么保存', 'my doctor said her patient got a rash on Zorvex']) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [path.resolve(import.meta.dirname, 'ask-once.mjs'), SAMPLE_KNOWLEDGE, processData, q], { encoding: 'utf8' });
  processMs.push(performance.now() - start);
  if (r.status !== 0) log(`(process run failed: ${r.stderr.slice(0, 200)})`);
}

const row = (e: typeof extractive) =>
  `| ${e.label} | ${pct(e.s.facts)} | ${pct(e.s.routing)} | ${pct(e.s.notFound)} | ${e.s.uncited.length + e.fdaUncited} | ${e.withheld} | ${pct(e.fda)} (en ${pct(e.lang.en)}, zh ${pct(e.lang.zh)}) | ${e.unrelated}/${fdaSet.unrelated.length} |`;

log(`## Answers, objection routing and latency`);
log('');
log(`Command: \`npx tsc -p tsconfig.build.json && npx tsx bench/answer-bench.ts\` (${machine()}, run ${new Date().toISOString().slice(0, 10)})`);
log('');
log(`Sets: \`tests/data/answer-questions.yaml\` (${items.length} items, ${items.filter((i) => i.lang === 'zh').length} in Chinese: answers on the sample knowledge, follow-ups, adverse-event / off-label / medical-advice routing with hard negatives, not-found) and the ${fdaSet.questions.length} rep questions of \`tests/data/fda-questions.yaml\` over the real FDA labels (fact = the expected text is in the answer).`);
log('');
log('| mode | facts (answer-questions) | routing | not found | answers without a citation | answers withheld (filter removed every cited sentence) | FDA fact hit rate | FDA unrelated → not found |');
log('|---|---|---|---|---|---|---|---|');
log(row(extractive));
log(row(endToEnd));
log('');
log('Targets: facts ≥ 85 %, routing ≥ 95 %, zero answers without a citation. "End to end" runs the same questions through the shipped compliance rule packs, which may remove sentences (and with them a fact) or turn an answer into "not found" when every cited sentence is removed.');
log('');
const latRow = (label: string, l: Awaited<ReturnType<typeof latency>>) => `| ${label} | ${fmt(l.p50)} ms | ${fmt(l.p95)} ms | ${fmt(l.cpu50)} ms | ${fmt(l.cpu95)} ms | ${l.n} |`;
log('| `ask` latency, offline, in process | p50 | p95 | CPU time p50 | CPU time p95 | questions |');
log('|---|---|---|---|---|---|');
log(latRow(`sample knowledge (${(await extractive.services.sample.status()).index?.chunks ?? '?'} chunks)`, latSample));
log(latRow(`FDA labels (${(await extractive.services.fda.status()).index?.chunks ?? '?'} chunks)`, latFda));
log(latRow(`${chunks20} chunks (${copies} copies of the FDA labels)`, lat20));
log('');
log(`Whole process, one \`ask\` (\`node bench/ask-once.mjs\`: built code, default services with the compliance filter, existing index): ${processMs.map((m) => `${fmt(m, 0)} ms`).join(', ')}.`);
log('');
if (extractive.s.misses.length > 0) log(`Misses (answering): ${extractive.s.misses.map((m) => `\`${m.item.id}\``).join(', ')}`);

writeSection('answers', out.join('\n'));
