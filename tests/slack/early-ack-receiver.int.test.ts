import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { App, ReceiverEvent } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { EarlyAckHTTPReceiver, TurnQueue } from '../../src/slack/early-ack-receiver.js';
import { FORM, JSON_TYPE, SIGNING_SECRET, eventEnvelope, mentionEvent, sendToBot, slashCommandBody } from './helpers/signed-requests.js';

/** Stands in for Bolt's App: records what the receiver hands over, and when. */
class RecordingApp {
  readonly events: Array<{ body: Record<string, unknown> }> = [];
  reply: ((event: ReceiverEvent) => Promise<void>) | null = null;

  async processEvent(event: ReceiverEvent): Promise<void> {
    this.events.push({ body: event.body as Record<string, unknown> });
    if (this.reply) await this.reply(event);
  }
}

describe('EarlyAckHTTPReceiver', () => {
  let receiver: EarlyAckHTTPReceiver | null = null;
  const tracked: Array<Promise<unknown>> = [];
  afterEach(async () => {
    await receiver?.stop();
    receiver = null;
    tracked.length = 0;
  });

  async function start(app: RecordingApp, errors: unknown[] = []): Promise<string> {
    receiver = new EarlyAckHTTPReceiver(
      { signingSecret: SIGNING_SECRET, endpoints: '/slack/events' },
      { track: (work) => tracked.push(work), onError: (error) => errors.push(error) },
    );
    receiver.init(app as unknown as App);
    const server = (await receiver.start(0)) as Server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  }

  it('answers an event with 200 without waiting for the app, which gets it with a no-op ack (tracked until handled)', async () => {
    const app = new RecordingApp();
    let release = () => {};
    // The app neither acks nor finishes until released: Bolt's own receiver would not answer.
    app.reply = async (event) => {
      await new Promise<void>((resolve) => (release = resolve));
      await event.ack();
    };
    const url = await start(app);
    const response = await sendToBot(url, eventEnvelope(mentionEvent('max dose?')).body, JSON_TYPE);
    expect(response.status).toBe(200);
    expect(tracked).toHaveLength(1);
    let handled = false;
    void Promise.all(tracked).then(() => (handled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.events).toHaveLength(1);
    expect(handled).toBe(false);
    release();
    await Promise.all(tracked);
    expect((app.events[0]?.body.event as { text: string }).text).toContain('max dose?');
  });

  it('lets a slash command ack through the app, so its response body comes from the listener', async () => {
    const app = new RecordingApp();
    app.reply = async (event) => {
      await event.ack({ text: 'working on it' });
    };
    const url = await start(app);
    const response = await sendToBot(url, slashCommandBody('ask max dose?', 'http://127.0.0.1:9/response'), FORM);
    expect(response.status).toBe(200);
    expect(response.text).toContain('working on it');
    expect(app.events).toHaveLength(1);
    expect(tracked).toHaveLength(0);
  });

  it('still refuses a bad signature without handing anything over', async () => {
    const app = new RecordingApp();
    const url = await start(app);
    const response = await sendToBot(url, eventEnvelope(mentionEvent('hi')).body, JSON_TYPE, { secret: 'not-the-secret' });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.events).toHaveLength(0);
  });

  it('reports a failure to hand an event over instead of losing it silently', async () => {
    const app = new RecordingApp();
    app.reply = async () => {
      throw new Error('authorize failed');
    };
    const errors: unknown[] = [];
    const url = await start(app, errors);
    expect((await sendToBot(url, eventEnvelope(mentionEvent('hi')).body, JSON_TYPE)).status).toBe(200);
    await Promise.all(tracked);
    expect(errors.map(String)).toEqual(['Error: authorize failed']);
  });
});

describe('TurnQueue', () => {
  it('runs one item per turn of the event loop, in order, letting I/O callbacks run in between', async () => {
    const queue = new TurnQueue();
    const order: string[] = [];
    queue.push(() => order.push('a'));
    queue.push(() => order.push('b'));
    // An immediate queued after the first item but before the second runs between them.
    setImmediate(() => order.push('between'));
    expect(queue.size).toBe(2);
    await new Promise<void>((resolve) => queue.push(resolve));
    expect(order).toEqual(['a', 'between', 'b']);
    expect(queue.size).toBe(0);
  });
});
