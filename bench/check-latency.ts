// `repbot check` latency in process on the sample knowledge: the compliance filter grounded in the
// knowledge base (a keyword search per sentence), without and with the audit-log write (SQLite,
// one fsync of the WAL per record before it returns), in the steady state of a running bot (after 500 checks)
// and, on their own line, the first 500 checks after start-up.
// Run: npx tsx bench/check-latency.ts
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/config.js';
import { fixedClock } from '../src/core/clock.js';
import { complianceFilterFor } from '../src/services/compliance-wiring.js';
import { createServices } from '../src/services/create-services.js';
import { knowledgeGroundingSource } from '../src/services/knowledge-grounding.js';
import type { KnowledgeBase } from '../src/retrieval/knowledge-base.js';
import { tempDir } from '../tests/helpers/temp-knowledge.js';
import { fmt, percentile } from './lib.js';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../knowledge');
const DRAFTS = [
  'The maximum recommended dosage is 40 mg once daily in adults. Zorvex can be taken with or without food. Please see the full Prescribing Information.',
  'Zorvex 10 mg once daily lowered LDL-C by 39% from baseline. It is the best statin for your patients. The most common adverse reactions were nasopharyngitis, arthralgia, diarrhea and myalgia.',
  'Calmira is injected under the skin. Store Calmira pens in a refrigerator at 2°C to 8°C. Calmira may increase the risk of serious infections.',
  '佐维斯的最大推荐剂量为每日一次40毫克。佐维斯可与食物同服或空腹服用。详见完整说明书。',
  '卡米拉应冷藏保存于2°C至8°C。卡米拉是治疗银屑病最好的药物。卡米拉可能增加严重感染的风险。',
];
const WARM_UP = 100;
const ROUNDS = 200;

/** Times `rounds` passes over the drafts: p50 and p95 of single checks. */
async function timeRounds(run: (text: string) => Promise<unknown>, rounds: number) {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const d of DRAFTS) {
      const start = performance.now();
      await run(d);
      ms.push(performance.now() - start);
    }
  }
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

async function measure(run: (text: string) => Promise<unknown>) {
  // The first checks after start-up run while V8 is still compiling the hot paths; they are
  // reported on their own, the steady state of a running bot after them.
  const warm = await timeRounds(run, WARM_UP);
  return { ...(await timeRounds(run, ROUNDS)), warm };
}

const config = loadConfig({}, { knowledgeDir: KNOWLEDGE, dataDir: tempDir('repbot-check-bench-') });
const compliance = complianceFilterFor(KNOWLEDGE);
let snapshot: KnowledgeBase | null = null;
// The reply filter hook hands over the services' own knowledge snapshot, for the filter-only run.
const services = await createServices(config, { clock: fixedClock('2026-06-01T09:00:00Z'), replyFilter: (kb) => ((snapshot = kb), compliance(kb)) });
await services.ingest();
await services.ask('zorvex max dose?');
const kb = snapshot as KnowledgeBase | null;
if (!kb) throw new Error('no knowledge snapshot');
const filter = compliance(kb);
const grounding = knowledgeGroundingSource(kb);
const filterOnly = await measure((text) => filter.check({ text, grounding }));
const endToEnd = await measure((text) => services.check(text, { user: 'bench', via: 'bench' }));
console.log('| path | checks | p50 | p95 |');
console.log('|---|---:|---:|---:|');
console.log(`| filter + knowledge-base grounding, first ${filterOnly.warm.n} checks after start-up | ${filterOnly.warm.n} | ${fmt(filterOnly.warm.p50, 2)} ms | ${fmt(filterOnly.warm.p95, 2)} ms |`);
console.log(`| filter + knowledge-base grounding (no audit) | ${filterOnly.n} | ${fmt(filterOnly.p50, 2)} ms | ${fmt(filterOnly.p95, 2)} ms |`);
console.log(`| services.check (+ audit record, fsync) | ${endToEnd.n} | ${fmt(endToEnd.p50, 2)} ms | ${fmt(endToEnd.p95, 2)} ms |`);
await services.close();
