// Routing word lists (data/routing/*.yaml): the cost of matching them, with the term-set matcher
// (a trie per list, built once) against the single regular expression per list it replaced
// (tests/helpers/regex-term-set.ts). Each variant runs in a fresh Node process, so V8's
// compilation of the regular expressions (lazy, and again for each kind of string: Latin-1 or
// two-byte) is measured as a process meets it. Run: npx tsx bench/routing-bench.ts [--write]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, percentile } from './lib.js';
import { machine, writeSection } from './report.js';

const WRITE = process.argv.includes('--write');
const RUNS = 3;

if (process.argv[2] === '--child') await child(process.argv[3] as 'trie' | 'regex');
else await parent();

interface ChildResult {
  loadMs: number;
  /** The first message of each kind, all lists (cold). */
  firstEnMs: number;
  firstZhMs: number;
  /** Slowest single `find` of one list on one message, cold and warm. */
  worstFindMs: number;
  /** Per message, all routing detectors, after the warm-up (ms). */
  perMessage: number[];
  lists: number;
  messages: number;
}

async function child(variant: 'trie' | 'regex'): Promise<void> {
  const { loadRoutingLexicon } = await import('../src/answering/routing/routing-lexicon.js');
  const { detectAdverseEvent } = await import('../src/answering/routing/adverse-event-detector.js');
  const { detectMedicalAdvice } = await import('../src/answering/routing/medical-advice-detector.js');
  const { questionScope } = await import('../src/answering/routing/off-label-detector.js');
  const { messageSentences, sentenceWindows } = await import('../src/answering/routing/message-sentences.js');
  const { termSetSchema } = await import('../src/answering/routing/term-set.js');
  const { referenceTermSet } = await import('../tests/helpers/regex-term-set.js');
  const { loadAnswerSet } = await import('../tests/helpers/answer-eval.js');
  const { loadQuestionSet } = await import('../tests/helpers/retrieval-eval.js');
  const { foldText } = await import('../src/text/tokenize.js');
  const fs = await import('node:fs');
  const YAML = (await import('yaml')).default;
  const { DEFAULT_ROUTING_DIR } = await import('../src/answering/routing/routing-lexicon.js');

  let t = performance.now();
  const loaded = loadRoutingLexicon();
  if (!loaded.ok) throw new Error(loaded.error.join('\n'));
  const loadMs = performance.now() - t;
  const lexicon = loaded.value;
  if (variant === 'regex') {
    // The same lists, matched the old way.
    const raw = (file: string) => YAML.parse(fs.readFileSync(path.join(DEFAULT_ROUTING_DIR, file), 'utf8')) as Record<string, unknown>;
    const swap = (target: Record<string, unknown>, source: Record<string, unknown>) => {
      for (const key of Object.keys(target)) if (key !== 'conditions') target[key] = referenceTermSet(termSetSchema.parse(source[key]));
    };
    swap(lexicon.adverseEvent as unknown as Record<string, unknown>, raw('adverse-event.yaml'));
    swap(lexicon.medicalAdvice as unknown as Record<string, unknown>, raw('medical-advice.yaml'));
    swap(lexicon.comparison as unknown as Record<string, unknown>, raw('comparison.yaml'));
    const ol = raw('off-label.yaml');
    swap(lexicon.offLabel as unknown as Record<string, unknown>, ol);
    const conditions = ol.conditions as Array<{ terms: unknown }>;
    lexicon.offLabel.conditions.forEach((c, i) => (c.terms = referenceTermSet(termSetSchema.parse(conditions[i]?.terms))));
  }
  const lists = [
    ...Object.values(lexicon.adverseEvent),
    ...Object.values(lexicon.medicalAdvice),
    ...Object.values(lexicon.comparison),
    ...Object.entries(lexicon.offLabel).flatMap(([k, v]) => (k === 'conditions' ? [] : [v])),
    ...lexicon.offLabel.conditions.map((c) => c.terms),
  ] as Array<{ find(text: string): unknown }>;
  let worstFindMs = 0;
  const allLists = (text: string) => {
    for (const list of lists) {
      const s = performance.now();
      list.find(text);
      worstFindMs = Math.max(worstFindMs, performance.now() - s);
    }
  };
  t = performance.now();
  allLists(foldText('zorvex max dose?'));
  const firstEnMs = performance.now() - t;
  t = performance.now();
  allLists(foldText('佐维斯的最大剂量是多少'));
  const firstZhMs = performance.now() - t;

  const messages = [...loadAnswerSet().map((i) => i.question), ...loadQuestionSet().questions.map((q) => q.question)];
  const route = (message: string) => {
    for (const window of sentenceWindows(messageSentences(message))) allLists(window);
    detectAdverseEvent(message, { lexicon: lexicon.adverseEvent, products: [], defaultReporter: 'the rep' });
    detectMedicalAdvice(message, lexicon.medicalAdvice);
    questionScope(message, lexicon.offLabel);
  };
  for (const m of messages) route(m);
  const perMessage: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (const m of messages) {
      const s = performance.now();
      route(m);
      perMessage.push(performance.now() - s);
    }
  }
  process.stdout.write(JSON.stringify({ loadMs, firstEnMs, firstZhMs, worstFindMs, perMessage, lists: lists.length, messages: messages.length } satisfies ChildResult));
}

async function parent(): Promise<void> {
  const run = (variant: string): ChildResult => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', variant], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '..') });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as ChildResult;
  };
  const results: Record<string, ChildResult[]> = { regex: [], trie: [] };
  for (let i = 0; i < RUNS; i++) for (const v of ['regex', 'trie']) results[v]?.push(run(v));
  const spread = (xs: number[]) => xs.map((x) => fmt(x, 1)).join(' / ');
  const row = (label: string, rs: ChildResult[]) => {
    const per = rs.flatMap((r) => r.perMessage);
    return `| ${label} | ${spread(rs.map((r) => r.firstEnMs))} ms | ${spread(rs.map((r) => r.firstZhMs))} ms | ${spread(rs.map((r) => r.worstFindMs))} ms | ${fmt(percentile(per, 50), 2)} ms | ${fmt(percentile(per, 95), 2)} ms |`;
  };
  const lines = [
    '## Routing word lists',
    '',
    `Command: \`npx tsx bench/routing-bench.ts --write\` (${machine()}, run ${new Date().toISOString().slice(0, 10)}; ${RUNS} fresh processes per variant, values of each run shown)`,
    '',
    `Every list of data/routing/*.yaml (adverse event, off-label, medical advice, comparison; ${results.trie?.[0]?.lists} lists). "First message" is all lists on the first English and the first Chinese message of a process; the per-message figures are the adverse-event, medical-advice and population/dose detectors plus every list on each sentence window, over the ${results.trie?.[0]?.messages} evaluation questions (5 rounds, after one warm-up round).`,
    '',
    '| matcher | first English message | first Chinese message | slowest single `find` | per message p50 | per message p95 |',
    '|---|---|---|---|---|---|',
    row('one regular expression per list (before)', results.regex as ChildResult[]),
    row('trie per list, built at load (now)', results.trie as ChildResult[]),
    '',
    'V8 compiles a regular expression lazily and once more for each kind of string (Latin-1 or two-byte): an alternation of a few hundred terms, each with its own Unicode lookarounds, took up to ~130 ms to compile for one list and 250–450 ms for all of them, on the event loop, the first time a process met an English and again a Chinese message (the slowest single `find` of the trie is a garbage-collection pause, not matching). The trie gives the same matches (tests/answering/term-set-equivalence.test.ts compares both on every list over the evaluation questions and 3,000 generated texts).',
  ];
  console.log(lines.join('\n'));
  if (WRITE) writeSection('routing', lines.join('\n'));
}
