// Slack load test: N mentions sent at once (or spread over a time) to the real Bolt app in HTTP
// mode (signed requests), answered by the real services over the sample knowledge, with a local
// fake Slack Web API. Checks every mention is answered exactly once; reports ack and answer latency.
// Run: npx tsx bench/slack-load.ts [--mentions 200] [--spread-ms 0] [--runs 3] [--write]   (--write updates docs/BENCHMARKS.md)
//   [--warm-up-rounds 3] [--warm-up-bursts 2]: the warm-up (see WARM_UP).
//   [--profile FILE]: CPU profile of the bot's thread during the first run's burst (Chrome DevTools format).
//   [--diagnostics]: the burst's time window and each thread's CPU time, on stderr.
// Each run is a fresh process (--child: one run, its result printed as JSON), so no run starts
// with what an earlier one compiled or remembered.
import { spawn } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
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
import { burstChannel, fmt, peakRssMb, percentile } from './lib.js';
import type { ApiMessage, ApiRequest } from './slack-api-worker.js';
import type { BurstRequest, DriverMessage } from './slack-load-driver.js';
import { machine, writeSection } from './report.js';

const args = process.argv.slice(2);
const MENTIONS = Number(args[args.indexOf('--mentions') + 1] ?? 0) || 200;
const WRITE = args.includes('--write');
/** 0: all at once (a burst); otherwise the mentions are spread evenly over this many ms. */
const SPREAD_MS = Number(args[args.indexOf('--spread-ms') + 1] ?? 0) || 0;
const RUNS = Number(args[args.indexOf('--runs') + 1] ?? 0) || 3;
/** How many times the warm-up questions are asked before the burst. */
const WARM_UP_ROUNDS = Number(args[args.indexOf('--warm-up-rounds') + 1] ?? 0) || 3;
/** Then how many bursts of the warm-up questions, of the measured burst's size. */
const WARM_UP_BURSTS = args.includes('--warm-up-bursts') ? Number(args[args.indexOf('--warm-up-bursts') + 1]) : 2;
const LOAD_CHANNEL = 'C0LOAD';
/** Prints the burst's time window and each thread's CPU time to stderr (to line up with --cpu-prof or --trace-opt output). */
const DIAGNOSTICS = args.includes('--diagnostics');

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
  'what is the recommended starting dose of calmira?',
  'zorvex and grapefruit juice',
  'Calmira in patients with an active infection',
  '佐维斯可以和克拉霉素一起服用吗？',
  'how long can calmira stay at room temperature?',
  'zorvex dose in renal impairment',
  'is calmira approved for children?',
  'zorvex is better than atorvastatin, right?',
  'what should I tell patients about calmira and TB screening?',
  'does zorvex cause liver problems?',
];

/**
 * Asked one after another before the burst, three times over: a bot that has been answering
 * for a while (V8 has compiled the hot code; passages read once are remembered). Other
 * questions than the burst's, on the same two products, of every kind the burst has: a
 * question of a kind the bot has never answered sends V8 back to compiling in the middle of
 * the burst.
 */
const WARM_UP = [
  'what is zorvex indicated for?',
  'Calmira dosing for plaque psoriasis',
  'can zorvex be used in pregnancy?',
  '卡米拉的常见不良反应有哪些？',
  'how should zorvex be stored?',
  'can calmira be given with live vaccines?',
  'how does zorvex work?',
  'calmira injection site reactions',
  'what is the usual dose of zorvex?',
  '佐维斯的禁忌症是什么？',
  'zorvex and alcohol',
  'calmira psoriatic arthritis results',
  // Every kind the burst has: off-label (Medical Information), adverse events (pharmacovigilance),
  // comparisons, interactions, figures.
  'can calmira be used for asthma?',
  'my patient developed a rash after her calmira injection last week',
  '我的患者服用佐维斯后出现了黄疸',
  "calmira works better than adalimumab, doesn't it?",
  'calmira with methotrexate',
  'how many patients on zorvex had myalgia in trials?',
];

const root = path.resolve(import.meta.dirname, '..');

/** A worker running one of the bench's TypeScript modules (the worker registers tsx, then imports it). */
function tsWorker(file: string, workerData?: unknown): Worker {
  const url = new URL(file, import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`, { eval: true, workerData });
}
/** The worker's next message; its `error` listener goes with it (one per call would pile up). */
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: T) => {
      worker.off('error', onError);
      resolve(message);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}
interface BurstResult {
  ackMs: number[];
  answerMs: number[];
  problems: string[];
  failedAcks: number;
  errors: string[];
  wall: number;
  busyMs: number;
  busyShare: number;
  stallMs: number;
  concurrency: number;
  /** CPU time of the whole process (the bot, the load generator, the fake Web API, V8's compiler and GC threads) during the burst, in cores. */
  processCores: number;
  /** A fixed CPU-bound loop timed just before the burst (see calibrate): how fast the machine was then. */
  calibrationMs: number;
  /** CPU time of the bot's thread during the burst (Linux only): its busy time less the time it waited for a core. */
  botCpuMs: number | null;
  /** Peak resident memory of the run's process. */
  rssMb: number;
  /** Per mention, ms: in the kernel's accept queue (connected, not yet accepted by the bot), and from accept to the ack sent. */
  queuedMs: number[];
  acceptToAckMs: number[];
}

/** The bot's side of each connection, by the client's port: when it was accepted and when its response was finished. */
function watchConnections(): { byPort: Map<number, { acceptedAt: number; ackedAt?: number }>; stop: () => void } {
  const byPort = new Map<number, { acceptedAt: number; ackedAt?: number }>();
  const now = () => performance.timeOrigin + performance.now();
  const accepted = (message: unknown) => {
    const { socket } = message as { socket: { remotePort?: number } };
    if (socket.remotePort) byPort.set(socket.remotePort, { acceptedAt: now() });
  };
  const finished = (message: unknown) => {
    const entry = byPort.get((message as { request: { socket: { remotePort?: number } } }).request.socket.remotePort ?? -1);
    if (entry) entry.ackedAt ??= now();
  };
  diagnostics.subscribe('net.server.socket', accepted);
  diagnostics.subscribe('http.server.response.finish', finished);
  return {
    byPort,
    stop: () => {
      diagnostics.unsubscribe('net.server.socket', accepted);
      diagnostics.unsubscribe('http.server.response.finish', finished);
    },
  };
}

/**
 * The same arithmetic loop every run, timed: on a shared machine the CPU's speed drifts (this
 * loop has taken from ~380 to ~540 ms within minutes), and a run's latencies drift with it.
 */
function calibrate(): number {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 100_000_000; i++) x += i % 7;
  if (x < 0) console.log(x); // keeps the loop from being optimised away
  return performance.now() - start;
}

/** CPU time (ms) of each of this process's threads so far, by thread id (Linux; empty elsewhere). */
function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  if (!fs.existsSync('/proc/self/task')) return out;
  const tickMs = 10; // USER_HZ is 100 on Linux
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid === String(process.pid) ? 'bot' : tid, (Number(fields[11]) + Number(fields[12])) * tickMs);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** One burst against a freshly started bot (services, Bolt, fake Web API and load generator). */
async function burst(profileFile: string | undefined): Promise<BurstResult> {
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
  const driver = tsWorker('./slack-load-driver.ts');
  const sendBurst = async (request: Omit<BurstRequest, 'type'>) => {
    const sent = nextMessage<DriverMessage>(driver);
    driver.postMessage({ type: 'burst', ...request } satisfies BurstRequest);
    const message = await sent;
    if (message.type !== 'sent') throw new Error('the load driver did not finish');
    return message;
  };
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

  // Warm-up, one mention at a time through the whole path (the first loads the index and the
  // compliance filter), then in bursts of the same size as the measured one.
  const warmUp = Array.from({ length: WARM_UP_ROUNDS }, () => WARM_UP).flat();
  for (const [i, question] of warmUp.entries()) {
    await sendToBot(url, eventEnvelope(mentionEvent(question, { channel: `C0WARM${String(i).padStart(3, '0')}` })).body, JSON_TYPE);
    await ask({ type: 'wait-updates', count: i + 1 }, 'updates');
  }
  for (let b = 0; b < WARM_UP_BURSTS; b++) {
    await sendBurst({ url, mentions: MENTIONS, questions: WARM_UP, channelPrefix: `C0WB${b}`, spreadMs: SPREAD_MS });
    await ask({ type: 'wait-updates', count: warmUp.length + (b + 1) * MENTIONS }, 'updates');
  }
  await ask({ type: 'reset' }, 'reset');

  const calibrationMs = calibrate();
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
  const connections = watchConnections();
  const cpuStart = process.cpuUsage();
  const threadsStart = threadCpuMs();
  // Microseconds on the clock of --cpu-prof profiles and of V8's --trace-opt output.
  const windowStart = process.hrtime.bigint() / 1000n;
  if (DIAGNOSTICS) console.log('BURST-START');
  const t0 = Date.now();
  const answered = ask({ type: 'wait-updates', count: MENTIONS }, 'updates');
  const sent = await sendBurst({ url, mentions: MENTIONS, questions: QUESTIONS, channelPrefix: LOAD_CHANNEL, spreadMs: SPREAD_MS });
  connections.stop();
  const queuedMs: number[] = [];
  const acceptToAckMs: number[] = [];
  for (const c of sent.connections) {
    const bot = connections.byPort.get(c.localPort);
    if (!bot?.ackedAt) continue;
    // Wall clocks of two threads: a fraction of a millisecond apart.
    queuedMs.push(Math.max(0, bot.acceptedAt - c.connectedAt));
    acceptToAckMs.push(bot.ackedAt - bot.acceptedAt);
  }
  await answered;
  const wall = Date.now() - t0;
  const cpu = process.cpuUsage(cpuStart);
  const threads = [...threadCpuMs()].map(([tid, ms]) => [tid, ms - (threadsStart.get(tid) ?? 0)] as const).filter(([, ms]) => ms > 0);
  if (DIAGNOSTICS) {
    console.error(`burst window (µs, profile clock): ${windowStart} ${process.hrtime.bigint() / 1000n}`);
    console.error(`CPU by thread during the burst (ms): ${threads.sort((a, b) => b[1] - a[1]).map(([tid, ms]) => `${tid}=${ms}`).join(' ')}`);
  }
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
    const mine = calls.filter((c) => c.channel === burstChannel(LOAD_CHANNEL, i));
    result.methods.push(mine.map((c) => c.method).join(','));
    const update = mine.find((c) => c.method === 'chat.update');
    result.answerMs.push(update ? update.at - (sent.startedAt[i] ?? update.at) : null);
  }

  const problems = result.methods.flatMap((m, i) => (m === 'chat.postMessage,chat.update' ? [] : [`mention ${i}: ${m || 'no calls'}`]));
  const outcome: BurstResult = {
    ackMs: sent.ackMs,
    answerMs: result.answerMs.filter((ms): ms is number => ms !== null),
    problems,
    failedAcks: sent.statuses.filter((st) => st !== 200).length,
    errors: logs.filter((l) => l.includes(' ERROR ')),
    wall,
    busyMs: elu.active,
    busyShare: elu.utilization,
    stallMs: loopDelay.max / 1e6,
    concurrency: running.bot.deps.answers.concurrency,
    processCores: (cpu.user + cpu.system) / 1000 / wall,
    calibrationMs,
    botCpuMs: threads.find(([tid]) => tid === 'bot')?.[1] ?? null,
    rssMb: peakRssMb(),
    queuedMs,
    acceptToAckMs,
  };
  await running.stop();
  await services.close();
  await ask({ type: 'stop' }, 'stopped');
  await driver.terminate();
  await api.terminate();
  return outcome;
}

const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const RESULT = 'BURST-RESULT ';
if (args.includes('--child')) {
  const result = await burst(profileFile);
  console.log(`${RESULT}${JSON.stringify(result)}`);
  process.exit(0);
}

/** One run in a process of its own, with the same loader (tsx) as this one. */
function childRun(profile: string | undefined): Promise<BurstResult> {
  const childArgs = [...(DIAGNOSTICS ? ['--diagnostics'] : []), '--child', '--mentions', String(MENTIONS), '--spread-ms', String(SPREAD_MS), '--warm-up-rounds', String(WARM_UP_ROUNDS), '--warm-up-bursts', String(WARM_UP_BURSTS), ...(profile ? ['--profile', profile] : [])];
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, ...childArgs], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) reject(new Error(`run failed (exit ${code}):\n${out}`));
      else resolve(JSON.parse(line.slice(RESULT.length)) as BurstResult);
    });
  });
}

const runs: BurstResult[] = [];
for (let r = 0; r < RUNS; r++) runs.push(await childRun(r === 0 ? profileFile : undefined));
const median = (values: number[]) => percentile(values, 50);
const range = (values: number[], digits = 0) => `${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)}`;
const ackP95 = runs.map((r) => percentile(r.ackMs, 95));
const answerP95 = runs.map((r) => percentile(r.answerMs, 95));
const busyPerMention = runs.map((r) => r.busyMs / MENTIONS);
const problems = runs.flatMap((r) => r.problems);
const failedAcks = runs.reduce((n, r) => n + r.failedAcks, 0);
const errors = runs.flatMap((r) => r.errors);

const lines = [
  '## Slack bot under load',
  '',
  `${MENTIONS} \`app_mention\` events ${SPREAD_MS > 0 ? `sent over ${SPREAD_MS} ms` : 'sent at once'} (signed, HTTP mode, real Bolt 5.1), answered by the offline services`,
  'over the sample knowledge (mixed English/Chinese questions, including adverse-event and off-label ones).',
  'The load generator and the fake Slack Web API run in two worker threads of their own, so they share neither the bot\'s event loop nor each other\'s (but they do share the machine\'s cores).',
  `Each run is a fresh process: a new bot warms up on ${WARM_UP.length} other questions on the same products, of every kind the burst has (answers, off-label, adverse events, comparisons; English and Chinese) — ${WARM_UP.length * WARM_UP_ROUNDS} mentions one at a time, then ${WARM_UP_BURSTS} burst${WARM_UP_BURSTS === 1 ? '' : 's'} of ${MENTIONS}: a bot that has been running —, then the measured burst (${QUESTIONS.length} questions, each asked ${Math.ceil(MENTIONS / QUESTIONS.length)} times, in turn).`,
  'Without the warm-up bursts V8 is still compiling the hot code during the measured burst, on the cores the bot needs (with 36 warm-up mentions only: ~140 functions optimised during the burst, ~0.9 s of compiler-thread time by `--trace-opt`; `--warm-up-bursts 0` shows it).',
  `At most ${runs[0]?.concurrency ?? '?'} answers are computed at once (\`SLACK_MAX_CONCURRENT_ANSWERS\`); the others wait with their placeholder shown.`,
  `Run: \`npx tsx bench/slack-load.ts --write\` (${RUNS} runs; single runs vary a lot on a shared 2-core machine, so every run is listed).`,
  '',
  '| run | ack p50 | ack p95 | of which waiting to be accepted, p95 | accept → ack, p95 | answer p50 | answer p95 | bot thread busy | per mention | of which on a core | whole process CPU | longest stall | all answered in | machine speed check |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...runs.map(
    (r, i) =>
      `| ${i + 1} | ${fmt(percentile(r.ackMs, 50))} ms | ${fmt(percentile(r.ackMs, 95))} ms | ${fmt(percentile(r.queuedMs, 95))} ms | ${fmt(percentile(r.acceptToAckMs, 95))} ms | ${fmt(percentile(r.answerMs, 50))} ms | ${fmt(percentile(r.answerMs, 95))} ms | ${fmt(r.busyMs / 1000, 2)} s (${fmt(r.busyShare * 100, 0)} %) | ${fmt(r.busyMs / MENTIONS, 1)} ms | ${r.botCpuMs === null ? 'n/a' : `${fmt(r.botCpuMs / MENTIONS, 1)} ms`} | ${fmt(r.processCores, 2)} cores | ${fmt(r.stallMs, 0)} ms | ${fmt(r.wall / 1000, 2)} s | ${fmt(r.calibrationMs, 0)} ms |`,
  ),
  '',
  `Median of the runs: ack p95 ${fmt(median(ackP95))} ms (range ${range(ackP95)} ms), answer p95 ${fmt(median(answerP95))} ms (range ${range(answerP95)} ms).`,
  'Ack times are the load generator\'s, from its connection to the first byte of the response. "Waiting to be accepted" is the part spent in the kernel\'s queue before the bot\'s thread accepted the connection (the bot\'s side is read from Node\'s `net.server.socket` and `http.server.response.finish` diagnostics channels, lined up by client port); "accept → ack" is the bot\'s own part.',
  '"Of which on a core" is the CPU time of the bot\'s thread (from /proc, 10 ms ticks): the rest of its busy time it was ready to run but waiting for a core.',
  '"Machine speed check" is a fixed arithmetic loop timed just before the burst (lower is faster): on this shared machine it drifts by up to ~40 % within minutes, and the run\'s latencies with it.',
  '"Whole process CPU" is every thread of the run\'s process (the bot, the load generator, the fake Web API, V8\'s compiler and garbage-collector threads) during the burst, out of the machine\'s cores: near 2 on this machine, the bot\'s thread is competing for a core.',
  `Targets: ack p95 under 100 ms — ${median(ackP95) < 100 ? 'met' : 'missed'} (median of runs); answer p95 under 1 s — ${median(answerP95) < 1000 ? 'met' : 'missed'}.`,
  `Answered exactly once: ${RUNS * MENTIONS - problems.length}/${RUNS * MENTIONS}; non-200 acks: ${failedAcks}; errors logged: ${errors.length}.`,
  `The bot's thread is busy ${range(busyPerMention, 1)} ms per mention (receive, ack, placeholder, answer, compliance, audit, update): one thread gets through at most ${fmt(1000 / median(busyPerMention), 0)} mentions a second, so the last of ${MENTIONS} simultaneous mentions cannot be answered in under ${fmt((median(busyPerMention) * MENTIONS) / 1000, 1)} s on it.`,
  `Peak RSS ${fmt(Math.max(...runs.map((r) => r.rssMb)), 0)} MB (the largest of the runs). Machine: ${machine()}.`,
];
console.log(lines.join('\n'));
if (problems.length > 0) console.log(`\nNot answered exactly once:\n${problems.slice(0, 20).join('\n')}`);
if (errors.length > 0) console.log(`\nErrors:\n${errors.slice(0, 5).join('\n')}`);
if (WRITE) writeSection(SPREAD_MS > 0 ? 'slack-load-spread' : 'slack-load', lines.join('\n'));
process.exitCode = problems.length > 0 || failedAcks > 0 ? 1 : 0;
