// The fake Slack Web API of bench/slack-load.ts, in a worker thread of its own: answering the
// bot's 400 Web API calls must not delay the load generator's reading of acks (on a real
// deployment they are different machines at Slack).
import { parentPort } from 'node:worker_threads';
import { FakeSlackApi } from '../tests/slack/helpers/fake-slack-api.js';

export type ApiRequest = { type: 'wait-updates'; count: number } | { type: 'reset' } | { type: 'calls' } | { type: 'stop' };
export type ApiMessage =
  | { type: 'ready'; apiUrl: string }
  | { type: 'updates' }
  | { type: 'reset' }
  | { type: 'calls'; calls: Array<{ method: string; channel: string; at: number }> }
  | { type: 'stopped' };

const port = parentPort;
if (!port) throw new Error('slack-api-worker must run in a worker thread');
const fake = new FakeSlackApi();
await fake.start();
port.on('message', async (request: ApiRequest) => {
  const reply = (message: ApiMessage) => port.postMessage(message);
  switch (request.type) {
    case 'wait-updates':
      await fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length >= request.count, 300_000, `${request.count} answers`);
      return reply({ type: 'updates' });
    case 'reset':
      fake.reset();
      return reply({ type: 'reset' });
    case 'calls':
      return reply({ type: 'calls', calls: fake.calls.map((c) => ({ method: c.method, channel: String(c.args.channel ?? ''), at: c.at })) });
    case 'stop':
      await fake.stop();
      reply({ type: 'stopped' });
      return port.close();
  }
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl } satisfies ApiMessage);
