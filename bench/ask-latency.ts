// `ask` latency alone, in process, on a large index (the FDA labels copied until ~BENCH_CHUNKS
// chunks), with the default services (the shipped compliance filter). Keeps the knowledge and
// index in bench/.work/ so repeated runs (and `node --cpu-prof`) skip the ingest.
// Run: npx tsx bench/ask-latency.ts [--rounds 3] [--fresh] [--profile out.cpuprofile]  (--profile: CPU profile of the timed rounds)
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { fixedClock } from '../src/core/clock.js';
import { createServices } from '../src/services/create-services.js';
import { EVAL_DAY } from '../tests/helpers/answer-services.js';
import { writeFdaKnowledge } from '../tests/helpers/fda-knowledge.js';
import { loadQuestionSet } from '../tests/helpers/retrieval-eval.js';
import { fmt, percentile } from './lib.js';

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1] ?? 0) || 3;
const TARGET_CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const copies = Math.max(1, Math.ceil(TARGET_CHUNKS / 528));
const work = path.resolve(import.meta.dirname, '.work', `ask-latency-${copies}`);
if (args.includes('--fresh')) fs.rmSync(work, { recursive: true, force: true });
const knowledgeDir = path.join(work, 'knowledge');
if (!fs.existsSync(knowledgeDir)) {
  fs.mkdirSync(knowledgeDir, { recursive: true });
  writeFdaKnowledge(copies, knowledgeDir);
}
const services = await createServices(loadConfig({}, { knowledgeDir, dataDir: path.join(work, 'data') }), { clock: fixedClock(EVAL_DAY), routeAudit: { record: async () => {} } });
let t = performance.now();
const report = await services.ingest();
console.log(`index: ${report.chunks} chunks (ingest ${fmt((performance.now() - t) / 1000, 1)} s: ${report.added} added, ${report.unchanged} unchanged)`);
const questions = loadQuestionSet().questions.map((q) => q.question);
t = performance.now();
await services.ask(questions[0] as string);
console.log(`first ask: ${fmt(performance.now() - t)} ms`);
for (const q of questions.slice(1, 5)) await services.ask(q);
const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const session = profileFile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
for (let r = 0; r < ROUNDS; r++) {
  const samples: number[] = [];
  const cpu: number[] = [];
  const slow: Array<[number, string]> = [];
  for (const q of questions) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await services.ask(q);
    const used = process.cpuUsage(cpuStart);
    samples.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    slow.push([performance.now() - start, q]);
  }
  console.log(
    `round ${r + 1}: p50 ${fmt(percentile(samples, 50))} ms, p95 ${fmt(percentile(samples, 95))} ms, max ${fmt(Math.max(...samples))} ms (${samples.length} questions); CPU time p50 ${fmt(percentile(cpu, 50))} ms, p95 ${fmt(percentile(cpu, 95))} ms`,
  );
  if (args.includes('--slowest')) console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 6).map(([ms, q]) => `  ${fmt(ms)} ms  ${q}`).join('\n'));
}
if (session && profileFile) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(profileFile, JSON.stringify(profile));
  console.log(`CPU profile: ${profileFile}`);
}
await services.close();
