// The load generator of bench/slack-load.ts, in a worker thread so that sending requests and
// timing their acks do not compete with the bot for its event loop (as on a real deployment,
// where Slack is on the other side of the network). The fake Web API is in another worker.
import { parentPort } from 'node:worker_threads';
import { JSON_TYPE, eventEnvelope, mentionEvent } from '../tests/slack/helpers/signed-requests.js';
import { burstChannel } from './lib.js';
import { rawSignedPost } from './slack-raw-post.js';

/** Sends `mentions` mentions of `questions` (in turn) to `url`, in channel `channel(i)`. */
export interface BurstRequest {
  type: 'burst';
  url: string;
  mentions: number;
  questions: string[];
  /** Channel of the i-th mention. */
  channelPrefix: string;
  /** 0: all at once; otherwise spread evenly over this many ms. */
  spreadMs: number;
}

export type DriverMessage =
  | { type: 'ready' }
  | { type: 'sent'; ackMs: number[]; statuses: number[]; startedAt: number[]; connections: Array<{ localPort: number; connectedAt: number }> };

const port = parentPort;
if (!port) throw new Error('slack-load-driver must run in a worker thread');

port.on('message', async (request: BurstRequest) => {
  const bodies = Array.from({ length: request.mentions }, (_, i) =>
    eventEnvelope(mentionEvent(request.questions[i % request.questions.length] ?? 'max dose?', { channel: burstChannel(request.channelPrefix, i), user: `U0LOAD${String(i % 50).padStart(3, '0')}` })).body,
  );
  // Wall-clock times (ms, sub-ms precision) comparable with the Web API worker's call times.
  const startedAt: number[] = [];
  const acks = await Promise.all(
    bodies.map(async (body, i) => {
      if (request.spreadMs > 0) await new Promise((resolve) => setTimeout(resolve, (i * request.spreadMs) / request.mentions));
      startedAt[i] = performance.timeOrigin + performance.now();
      return rawSignedPost(request.url, body, JSON_TYPE);
    }),
  );
  port.postMessage({
    type: 'sent',
    ackMs: acks.map((a) => a.ms),
    statuses: acks.map((a) => a.status),
    startedAt,
    connections: acks.map((a) => ({ localPort: a.localPort, connectedAt: a.connectedAt })),
  } satisfies DriverMessage);
});
port.postMessage({ type: 'ready' } satisfies DriverMessage);
