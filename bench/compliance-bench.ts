// Compliance filter benchmark: precision/recall on the labelled sets (per category and per
// language) and `check` latency per typical draft, in process, without the LLM judge.
// Run: npx tsx bench/compliance-bench.ts [--write]   (--write updates docs/BENCHMARKS.md)
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { GroundingPassage } from '../src/compliance/types.js';
import { labelGrounding, shippedPacks, testFilter } from '../tests/compliance/helpers/fixtures.js';
import { loadLabelledSet, runLabelledSet, scoreTable } from '../tests/compliance/helpers/labelled-set.js';
import { fmt, percentile } from './lib.js';
import { machine, writeSection } from './report.js';

// Drafts shaped like the answers repbot posts: a few sentences of label language, a benefit
// claim, sometimes a slip the filter has to fix.
const TYPICAL_DRAFTS = [
  'The recommended starting dose of LIPITOR is 10 or 20 mg once daily. The dosage range of LIPITOR is 10 to 80 mg once daily. LIPITOR can be administered as a single dose at any time of the day, with or without food. Please see the full Prescribing Information.',
  'LIPITOR reduced the risk of myocardial infarction in adults with multiple risk factors for CHD. The most common adverse reactions (incidence ≥ 2%) were nasopharyngitis, arthralgia, diarrhea, pain in extremity, and urinary tract infection. It is the best statin for your patients.',
  'The recommended dose of HUMIRA for adult patients with rheumatoid arthritis is 40 mg administered every other week. Patients treated with HUMIRA are at increased risk for developing serious infections that may lead to hospitalization or death. Please see the full Prescribing Information, including the Boxed Warning.',
  'For most patients, the recommended dose is 50 mg taken, as needed, approximately 1 hour before sexual activity. The maximum recommended dosing frequency is once per day. VIAGRA is not indicated for use in pediatric patients.',
  '立普妥的推荐起始剂量为每日一次10mg或20mg。立普妥的剂量范围为每日一次10mg至80mg。立普妥可在一天中任何时间服用，与进食无关。详见完整说明书。',
  '与安慰剂相比，立普妥10mg至80mg使LDL-C降低39%至60%。最常见的不良反应为鼻咽炎、关节痛和腹泻。立普妥是最好的他汀。',
  '类风湿关节炎、银屑病关节炎和强直性脊柱炎成人患者的推荐剂量为40mg，隔周一次皮下注射。接受修美乐治疗的患者发生严重感染的风险增加。详见完整说明书。',
  '对大多数患者，推荐剂量为50mg，在性活动前约1小时按需服用。最大推荐给药频率为每日一次。万艾可不适用于女性。',
];

const WARM_UP_ROUNDS = 100;

/** Latency once the process is warm (JIT, passage-analysis cache), as in a running bot; and the very first check. */
async function latency(withSources: boolean, rounds: number) {
  const filter = testFilter();
  const grounding = labelGrounding();
  const cited = new Map<string, GroundingPassage[]>();
  for (const text of TYPICAL_DRAFTS) cited.set(text, (await grounding.findSupport(text)).slice(0, 4));
  const draft = (text: string) => (withSources ? { text, sources: cited.get(text) ?? [] } : { text });
  const first = performance.now();
  await filter.check(draft(TYPICAL_DRAFTS[0] as string));
  const firstMs = performance.now() - first;
  for (let r = 0; r < WARM_UP_ROUNDS; r++) for (const text of TYPICAL_DRAFTS) await filter.check(draft(text));
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of TYPICAL_DRAFTS) {
      const start = performance.now();
      await filter.check(draft(text));
      samples.push(performance.now() - start);
    }
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length, firstMs };
}

export async function complianceBenchmarkMarkdown(): Promise<string> {
  const filter = testFilter();
  const main = await runLabelledSet(filter, loadLabelledSet('labelled-set'));
  const second = await runLabelledSet(filter, loadLabelledSet('second-set'));
  const cited = await latency(true, 200);
  const searched = await latency(false, 200);
  const rules = shippedPacks().map((p) => `${p.id} ${p.rules.length}`).join(', ');
  return [
    '## Compliance filter',
    '',
    `Rules: ${rules}. Grounding corpus for the sets: the three FDA labels in ../shared/eval-data plus a Chinese test translation. ${machine()}.`,
    '',
    '### Labelled set (tests/compliance/data/labelled-set.yaml)',
    '',
    'Written independently of the rules. First run against the rules as first written: 120 of 159 violations caught (75.5 % recall), 7 of 158 compliant items flagged (4.4 %); the rules were then generalised where misses showed an uncovered class of wording. Current result:',
    '',
    scoreTable(main),
    '',
    '### Second set (tests/compliance/data/second-set.yaml)',
    '',
    'Written after the rules were tuned on the labelled set. First run, before any change it prompted: 54 of 78 violations caught (69.2 % recall), 0 of 24 false positives. The gaps it showed were then closed by generalising rules; current result:',
    '',
    scoreTable(second),
    '',
    `### Latency of \`check\` per typical draft (3–4 sentences, en and zh, no LLM judge; after ${WARM_UP_ROUNDS} warm-up rounds)`,
    '',
    '| grounding | drafts | p50 | p95 | first check in a fresh filter |',
    '|---|---:|---:|---:|---:|',
    `| 4 cited passages (as \`ask\` passes them) | ${cited.n} | ${fmt(cited.p50, 2)} ms | ${fmt(cited.p95, 2)} ms | ${fmt(cited.firstMs, 1)} ms |`,
    `| in-memory grounding source (as \`check\` without sources) | ${searched.n} | ${fmt(searched.p50, 2)} ms | ${fmt(searched.p95, 2)} ms | ${fmt(searched.firstMs, 1)} ms |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const markdown = await complianceBenchmarkMarkdown();
  console.log(markdown);
  if (process.argv.includes('--write')) writeSection('compliance', markdown);
}
