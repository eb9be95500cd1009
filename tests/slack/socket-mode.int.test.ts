import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, expectedLines, readable, settle, startHarness } from './helpers/bot-harness.js';
import { FakeSocketMode } from './helpers/fake-socket-mode.js';
import { eventEnvelope, mentionEvent, slashCommandBody } from './helpers/signed-requests.js';

// Socket Mode is the default: the real Bolt app connects (apps.connections.open on the fake Web
// API, then a WebSocket to a local stand-in of Slack's socket endpoint), receives envelopes and
// acks them over the socket, and answers through the Web API as in HTTP mode.
const APP_TOKEN = 'xapp-1-A0FAKE001-1111-socketmodetesttoken';
let socket: FakeSocketMode;
let h: BotHarness;
beforeAll(async () => {
  socket = new FakeSocketMode();
  await socket.start();
  h = await startHarness({
    env: { SLACK_MODE: 'socket', SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' },
    beforeStart: (fake) => {
      fake.socketModeUrl = socket.url;
    },
  });
  await socket.connected();
});
afterAll(async () => {
  await h?.close();
  await socket?.stop();
});
beforeEach(async () => {
  await settle(h);
  h.fake.reset();
});

const eventPayload = (event: Record<string, unknown>) => JSON.parse(eventEnvelope(event).body) as Record<string, unknown>;

describe('Socket Mode (the default)', () => {
  it('opened its connection with the app-level token and is running in Socket Mode', () => {
    expect(h.running.mode).toBe('socket');
    expect(h.running.port).toBeNull();
    expect(socket.connectionCount).toBe(1);
  });

  it('acks a mention over the socket, then answers in its thread through the Web API', async () => {
    const event = mentionEvent('max dose of zorvex for kids?', { channel: 'C0SOCKET1' });
    const envelope = socket.deliver('events_api', eventPayload(event));
    const ack = await socket.ackOf(envelope);
    expect(ack.envelope_id).toBe(envelope);
    expect(ack.payload ?? {}).toEqual({});
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0SOCKET1'));
    await settle(h);
    const calls = h.fake.calls.filter((c) => c.args.channel === 'C0SOCKET1');
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
    expect(calls[0]?.args.thread_ts).toBe(event.ts);
    expect(calls[0]?.authorization).toMatch(/^Bearer xoxb-/);
    const posted = readable(calls[1]?.args ?? {});
    for (const line of await expectedLines(h, 'max dose of zorvex for kids?')) expect(posted).toContain(line);
  });

  it('answers a redelivered envelope (retry_attempt 1, same event) only once', async () => {
    const payload = eventPayload(mentionEvent('Calmira storage temperature', { channel: 'C0SOCKET2' }));
    await socket.ackOf(socket.deliver('events_api', payload));
    await socket.ackOf(socket.deliver('events_api', payload, { retryAttempt: 1 }));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0SOCKET2'));
    await settle(h);
    expect(h.fake.calls.filter((c) => c.args.channel === 'C0SOCKET2').map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
  });

  it('acks /repbot help over the socket with the help as the ack\'s payload (shown only to the caller)', async () => {
    const form = new URLSearchParams(slashCommandBody('help', h.fake.responseUrl('help-1'), { channel: 'C0SOCKET3' }));
    const ack = await socket.ackOf(socket.deliver('slash_commands', Object.fromEntries(form)));
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.payload?.blocks)).toContain('/repbot ask');
  });

  it('acks /repbot ask at once and posts the checked answer to the command\'s response URL', async () => {
    const form = new URLSearchParams(slashCommandBody('ask how should Calmira be stored?', h.fake.responseUrl('ask-1'), { channel: 'C0SOCKET4' }));
    await socket.ackOf(socket.deliver('slash_commands', Object.fromEntries(form)));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.responseId === 'ask-1' && readable(c.args).includes('MLR-')));
    await settle(h);
    const posted = h.fake.calls.filter((c) => c.responseId === 'ask-1').map((c) => readable(c.args)).join('\n');
    for (const line of await expectedLines(h, 'how should Calmira be stored?')) expect(posted).toContain(line);
  });
});
