// The load-test side of bench/slack-load.ts, in a worker thread so that sending requests and
// playing Slack's Web API do not compete with the bot for its event loop (as on a real
// deployment, where Slack is on the other side of the network).
import { parentPort, workerData } from 'node:worker_threads';
import { FakeSlackApi } from '../tests/slack/helpers/fake-slack-api.js';
import { JSON_TYPE, eventEnvelope, mentionEvent, sendToBot } from '../tests/slack/helpers/signed-requests.js';
import { rawSignedPost } from './slack-raw-post.js';

export interface DriverInput {
  mentions: number;
  questions: string[];
  /** 0: all at once; otherwise spread evenly over this many ms. */
  spreadMs: number;
}

export type DriverMessage =
  | { type: 'ready'; apiUrl: string }
  | { type: 'warm' }
  | { type: 'done'; ackMs: number[]; statuses: number[]; answerMs: Array<number | null>; methods: string[]; wallMs: number };

const input = workerData as DriverInput;
const port = parentPort;
if (!port) throw new Error('slack-load-driver must run in a worker thread');

const fake = new FakeSlackApi();
await fake.start();
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl } satisfies DriverMessage);

port.once('message', async (message: { type: 'go'; url: string }) => {
  const { url } = message;
  // Warm-up: the first question loads the index and the compliance filter; one in Chinese as
  // well, since V8 compiles each regular expression again for the first two-byte text it meets.
  await sendToBot(url, eventEnvelope(mentionEvent('warm up: max dose of zorvex?', { channel: 'C0WARMUP1' })).body, JSON_TYPE);
  await fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length >= 1, 60_000, 'the warm-up answer');
  await sendToBot(url, eventEnvelope(mentionEvent('热身：佐维斯的最大剂量是多少？', { channel: 'C0WARMUP2' })).body, JSON_TYPE);
  await fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length >= 2, 60_000, 'the second warm-up answer');
  fake.reset();
  // The bot's side starts its measurements (event loop, profile) before the burst, not before the warm-up.
  port.postMessage({ type: 'warm' } satisfies DriverMessage);
  await new Promise((resolve) => port.once('message', resolve));

  const channelOf = (i: number) => `C0LOAD${String(i).padStart(4, '0')}`;
  const bodies = Array.from({ length: input.mentions }, (_, i) =>
    eventEnvelope(mentionEvent(input.questions[i % input.questions.length] ?? 'max dose?', { channel: channelOf(i), user: `U0LOAD${String(i % 50).padStart(3, '0')}` })).body,
  );
  const started: number[] = [];
  const t0 = Date.now();
  const acks = await Promise.all(
    bodies.map(async (body, i) => {
      if (input.spreadMs > 0) await new Promise((resolve) => setTimeout(resolve, (i * input.spreadMs) / input.mentions));
      started[i] = Date.now();
      return rawSignedPost(url, body, JSON_TYPE);
    }),
  );
  await fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length >= input.mentions, 300_000, `${input.mentions} answers`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const wallMs = Date.now() - t0;
  const methods: string[] = [];
  const answerMs: Array<number | null> = [];
  for (let i = 0; i < input.mentions; i++) {
    const calls = fake.calls.filter((c) => c.args.channel === channelOf(i));
    methods.push(calls.map((c) => c.method).join(','));
    const update = calls.find((c) => c.method === 'chat.update');
    answerMs.push(update ? update.at - (started[i] ?? update.at) : null);
  }
  port.postMessage({ type: 'done', ackMs: acks.map((a) => a.ms), statuses: acks.map((a) => a.status), answerMs, methods, wallMs } satisfies DriverMessage);
  await fake.stop();
  port.close();
});
