// Runs every benchmark in turn and writes its section of docs/BENCHMARKS.md. Run: npm run bench
// (about 15–25 minutes on 2 cores; the 20k-chunk indexes are cached in bench/.work/).
// check-latency and ask-latency print their tables only; their numbers in BENCHMARKS.md are
// copied by hand with the command shown there.
import { spawnSync } from 'node:child_process';

const RUNS: string[][] = [
  ['bench/retrieval-bench.ts'],
  ['bench/compliance-bench.ts', '--write'],
  ['bench/answer-bench.ts'],
  ['bench/check-latency.ts'],
  ['bench/routing-bench.ts', '--write'],
  ['bench/slack-load.ts', '--write'],
];

// answer-bench times the built CLI (bench/ask-once.mjs), so build first.
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const args of RUNS) {
  process.stdout.write(`\n── npx tsx ${args.join(' ')}\n`);
  const run = spawnSync('npx', ['tsx', ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(`${args[0]} failed (exit ${run.status ?? run.signal})\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
