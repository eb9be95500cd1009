// Slack load test: N mentions sent at once (or spread over a time) to the real Bolt app in HTTP
// mode (signed requests), answered by the real services over the sample knowledge, with a local
// fake Slack Web API. Checks every mention is answered exactly once; reports ack and answer latency.
// Run: npx tsx bench/slack-load.ts [--mentions 200] [--spread-ms 0] [--write]   (--write updates docs/BENCHMARKS.md)
//   [--profile FILE]: CPU profile of the bot's thread during the burst (Chrome DevTools format).
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/config/config.js';
import { createServices } from '../src/services/create-services.js';
import { EVENTS_PATH } from '../src/slack/create-app.js';
import { createSlackLogger } from '../src/slack/slack-logger.js';
import { startSlackBot } from '../src/slack/start.js';
import { BOT_ID, BOT_USER, JSON_TYPE, SIGNING_SECRET, eventEnvelope, mentionEvent, sendToBot } from '../tests/slack/helpers/signed-requests.js';
import { tempDir } from '../tests/helpers/temp-knowledge.js';
import { fmt, loadChannel, peakRssMb, percentile } from './lib.js';
import type { ApiMessage, ApiRequest } from './slack-api-worker.js';
import type { DriverInput, DriverMessage } from './slack-load-driver.js';
import { machine, writeSection } from './report.js';

const args = process.argv.slice(2);
const MENTIONS = Number(args[args.indexOf('--mentions') + 1] ?? 0) || 200;
const WRITE = args.includes('--write');
/** 0: all at once (a burst); otherwise the mentions are spread evenly over this many ms. */
const SPREAD_MS = Number(args[args.indexOf('--spread-ms') + 1] ?? 0) || 0;

const QUESTIONS = [
  'max dose of zorvex for kids?',
  'Calmira storage temperature',
  'can zorvex be taken with clarithromycin',
  '卡米拉的保存温度是多少？',
  'what are the contraindications of Zorvex?',
  'how do I inject calmira with the pen?',
  'can zorvex be used for weight loss?',
  'My patient on zorvex had severe muscle pain yesterday',
  'most common side effects of calmira',
  '佐维斯儿童最大剂量是多少？',
];

const root = path.resolve(import.meta.dirname, '..');

/** A worker running one of the bench's TypeScript modules (the worker registers tsx, then imports it). */
function tsWorker(file: string, workerData?: unknown): Worker {
  const url = new URL(file, import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true, workerData });
}
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
const api = tsWorker('./slack-api-worker.ts');
const apiReady = await nextMessage<ApiMessage>(api);
if (apiReady.type !== 'ready') throw new Error('the fake Web API did not start');
const ask = async <T extends ApiMessage['type']>(request: ApiRequest, expect: T) => {
  const reply = nextMessage<ApiMessage>(api);
  api.postMessage(request);
  const message = await reply;
  if (message.type !== expect) throw new Error(`the fake Web API answered ${message.type}, not ${expect}`);
  return message as Extract<ApiMessage, { type: T }>;
};
const driver = tsWorker('./slack-load-driver.ts', { mentions: MENTIONS, questions: QUESTIONS, spreadMs: SPREAD_MS } satisfies DriverInput);
if ((await nextMessage<DriverMessage>(driver)).type !== 'ready') throw new Error('the load driver did not start');

const config = loadConfig({ REPBOT_DATA_DIR: tempDir('repbot-slack-bench-') }, { knowledgeDir: path.join(root, 'knowledge') }, root);
const services = await createServices(config);
const logs: string[] = [];
const running = await startSlackBot(
  services,
  {
    SLACK_MODE: 'http',
    SLACK_BOT_TOKEN: 'xoxb-1111-2222-benchmark',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: apiReady.apiUrl,
    SLACK_RATE_LIMIT_PER_MINUTE: '0',
    SLACK_LOG_LEVEL: 'warn',
    ...(process.env.SLACK_MAX_CONCURRENT_ANSWERS ? { SLACK_MAX_CONCURRENT_ANSWERS: process.env.SLACK_MAX_CONCURRENT_ANSWERS } : {}),
  },
  { botId: BOT_ID, botUserId: BOT_USER, retryConfig: { retries: 0 }, host: '127.0.0.1', stopOnSignals: false, watchKnowledge: false, logger: createSlackLogger({ sink: (l) => logs.push(l) }) },
);
const url = `http://127.0.0.1:${running.port}${EVENTS_PATH}`;

// Warm-up: the first question loads the index and the compliance filter; one in Chinese as
// well, since V8 compiles each regular expression again for the first two-byte text it meets.
await sendToBot(url, eventEnvelope(mentionEvent('warm up: max dose of zorvex?', { channel: 'C0WARMUP1' })).body, JSON_TYPE);
await ask({ type: 'wait-updates', count: 1 }, 'updates');
await sendToBot(url, eventEnvelope(mentionEvent('热身：佐维斯的最大剂量是多少？', { channel: 'C0WARMUP2' })).body, JSON_TYPE);
await ask({ type: 'wait-updates', count: 2 }, 'updates');
await ask({ type: 'reset' }, 'reset');

const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const session = profileFile ? new Session() : null;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
const eluStart = performance.eventLoopUtilization();
loopDelay.enable();
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
}
const t0 = Date.now();
const sentMessage = nextMessage<DriverMessage>(driver);
driver.postMessage({ type: 'burst', url });
const answered = ask({ type: 'wait-updates', count: MENTIONS }, 'updates');
const sent = await sentMessage;
if (sent.type !== 'sent') throw new Error('the load driver did not finish');
await answered;
const wall = Date.now() - t0;
loopDelay.disable();
const elu = performance.eventLoopUtilization(eluStart);
if (session && profileFile) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(profileFile, JSON.stringify(profile));
  console.log(`CPU profile: ${profileFile}`);
}
// Late or duplicate answers would show up in this half second.
await new Promise((resolve) => setTimeout(resolve, 500));
const { calls } = await ask({ type: 'calls' }, 'calls');
const result = { methods: [] as string[], answerMs: [] as Array<number | null> };
for (let i = 0; i < MENTIONS; i++) {
  const mine = calls.filter((c) => c.channel === loadChannel(i));
  result.methods.push(mine.map((c) => c.method).join(','));
  const update = mine.find((c) => c.method === 'chat.update');
  result.answerMs.push(update ? update.at - (sent.startedAt[i] ?? update.at) : null);
}

const problems = result.methods.flatMap((m, i) => (m === 'chat.postMessage,chat.update' ? [] : [`mention ${i}: ${m || 'no calls'}`]));
const answerMs = result.answerMs.filter((ms): ms is number => ms !== null);
const ackMs = sent.ackMs;
const failedAcks = sent.statuses.filter((s) => s !== 200);
const errors = logs.filter((l) => l.includes(' ERROR '));

const lines = [
  '## Slack bot under load',
  '',
  `${MENTIONS} \`app_mention\` events ${SPREAD_MS > 0 ? `sent over ${SPREAD_MS} ms` : 'sent at once'} (signed, HTTP mode, real Bolt 5.1), answered by the offline services`,
  'over the sample knowledge (mixed English/Chinese questions, including adverse-event and off-label ones).',
  'The load generator and the fake Slack Web API run in two worker threads of their own, so they share neither the bot\'s event loop nor each other\'s.',
  'Measured after two warm-up questions (one English, one Chinese: the index, the compliance filter and the regular expressions are ready, as in a bot that has been running).',
  `At most ${running.bot.deps.answers.concurrency} answers are computed at once (\`SLACK_MAX_CONCURRENT_ANSWERS\`); the others wait with their placeholder shown.`,
  'Run: `npx tsx bench/slack-load.ts --write`.',
  '',
  '| measure | p50 | p95 | max |',
  '|---|---|---|---|',
  `| ack (request → HTTP 200) | ${fmt(percentile(ackMs, 50))} ms | ${fmt(percentile(ackMs, 95))} ms | ${fmt(Math.max(...ackMs))} ms |`,
  `| answer (request → chat.update) | ${fmt(percentile(answerMs, 50))} ms | ${fmt(percentile(answerMs, 95))} ms | ${fmt(Math.max(...answerMs))} ms |`,
  '',
  `Targets: ack p95 under 100 ms — ${percentile(ackMs, 95) < 100 ? 'met' : 'missed'}; answer p95 under 1 s — ${percentile(answerMs, 95) < 1000 ? 'met' : 'missed'}.`,
  `Answered exactly once: ${MENTIONS - problems.length}/${MENTIONS}; non-200 acks: ${failedAcks.length}; errors logged: ${errors.length}.`,
  `The bot's event loop during the burst: busy ${fmt(elu.utilization * 100, 0)} % of the time (${fmt(elu.active / 1000, 2)} s), longest stall ${fmt(loopDelay.max / 1e6, 0)} ms (p99 ${fmt(loopDelay.percentile(99) / 1e6, 0)} ms).`,
  `All ${MENTIONS} answered in ${fmt(wall / 1000, 2)} s (${fmt((MENTIONS * 1000) / wall)} answers/s); peak RSS ${fmt(peakRssMb(), 0)} MB.`,
  `Machine: ${machine()}.`,
];
console.log(lines.join('\n'));
if (problems.length > 0) console.log(`\nNot answered exactly once:\n${problems.slice(0, 20).join('\n')}`);
if (errors.length > 0) console.log(`\nErrors:\n${errors.slice(0, 5).join('\n')}`);
if (WRITE) writeSection(SPREAD_MS > 0 ? 'slack-load-spread' : 'slack-load', lines.join('\n'));

await running.stop();
await services.close();
await ask({ type: 'stop' }, 'stopped');
await driver.terminate();
await api.terminate();
process.exitCode = problems.length > 0 || failedAcks.length > 0 ? 1 : 0;
