import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toReply } from '../../src/answering/reply-document.js';
import { type BotHarness, PV_CHANNEL, expectedLines, readable, settle, spyOnAsk, startHarness } from './helpers/bot-harness.js';
import { BOT_ID, BOT_USER, JSON_TYPE, directMessageEvent, eventEnvelope, mentionEvent, sendToBot } from './helpers/signed-requests.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await settle(h);
  h.fake.reset();
});

const inChannel = (channel: string) => h.fake.calls.filter((c) => c.args.channel === channel);

async function deliver(event: Record<string, unknown>, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const { body, eventId } = eventEnvelope(event, extra);
  const response = await sendToBot(h.url, body, JSON_TYPE, { headers });
  return { response, body, eventId };
}

describe('mentions and direct messages', () => {
  it('posts a placeholder in the thread at once, then replaces it with the checked answer', async () => {
    const event = mentionEvent('max dose of zorvex for kids?', { channel: 'C0MENTION' });
    const { response } = await deliver(event);
    expect(response.status).toBe(200);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
    await settle(h);

    const [placeholder, ...rest] = inChannel('C0MENTION');
    expect(placeholder?.method).toBe('chat.postMessage');
    expect(placeholder?.args.thread_ts).toBe(event.ts);
    expect(placeholder?.args.text).toContain('Checking the approved materials');
    expect(placeholder?.authorization).toMatch(/^Bearer xoxb-/);
    expect(rest.map((c) => c.method)).toEqual(['chat.update']);
    const update = rest[0];
    expect(update?.args.ts).toBe(placeholder?.result?.ts);

    // What was posted is exactly what the services answer (checked), with its sources.
    const expected = toReply(await h.services.ask('max dose of zorvex for kids?', { threadId: 'test-only' }));
    const posted = readable(update?.args ?? {});
    const lines = await expectedLines(h, 'max dose of zorvex for kids?');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(posted).toContain(line);
    for (const c of expected.citations) expect(posted).toContain(c.approvalCode);
    expect(posted).toContain('repbot_feedback_up');
  });

  it('answers a direct message in its thread too', async () => {
    const event = directMessageEvent('Calmira storage temperature', { channel: 'D0DIRECT1' });
    await deliver(event);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'D0DIRECT1'));
    await settle(h);
    const calls = inChannel('D0DIRECT1');
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
    expect(calls[0]?.args.thread_ts).toBe(event.ts);
    for (const line of await expectedLines(h, 'Calmira storage temperature')) expect(readable(calls[1]?.args ?? {})).toContain(line);
  });

  it('keeps the thread as context for a follow-up: both questions go to the services under one thread id', async () => {
    const spy = spyOnAsk(h);
    const first = mentionEvent('what is the max dose of zorvex?', { channel: 'C0FOLLOW1' });
    try {
      await deliver(first);
      await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0FOLLOW1'));
      await settle(h);
      h.fake.reset();
      await deliver(mentionEvent('and for kids?', { channel: 'C0FOLLOW1', threadTs: first.ts as string }));
      await deliver(mentionEvent('and for kids?', { channel: 'C0FOLLOW1' }));
      await h.fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length === 2);
      await settle(h);
    } finally {
      spy.restore();
    }
    const [asked, followUp, fresh] = spy.calls;
    expect(followUp?.question).toBe('and for kids?');
    expect(followUp?.threadId).toBe(asked?.threadId);
    expect(fresh?.threadId).not.toBe(asked?.threadId);
    expect(followUp?.user).toBe('U0REP0001');
    expect(inChannel('C0FOLLOW1').find((c) => c.method === 'chat.postMessage' && c.args.thread_ts === first.ts)).toBeDefined();
  });

  it('routes an adverse event to pharmacovigilance and copies it to the PV channel', async () => {
    await deliver(mentionEvent('My patient on zorvex had severe muscle pain and dark urine yesterday', { channel: 'C0ADVERSE' }));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0ADVERSE'));
    await settle(h);
    const update = inChannel('C0ADVERSE').find((c) => c.method === 'chat.update');
    const posted = readable(update?.args ?? {});
    expect(posted).toContain('report it to Pharmacovigilance');
    expect(posted).toContain('within 24 hours');
    expect(posted).toContain('copy of this report was posted');
    const copy = inChannel(PV_CHANNEL);
    expect(copy.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(readable(copy[0]?.args ?? {})).toContain('<#C0ADVERSE>');
  });

  it('routes an off-label question to Medical Information', async () => {
    await deliver(mentionEvent('can zorvex be used for weight loss?', { channel: 'C0OFFLABL' }));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0OFFLABL'));
    await settle(h);
    const posted = readable(inChannel('C0OFFLABL').find((c) => c.method === 'chat.update')?.args ?? {});
    expect(posted).toContain('Medical Information');
    expect(inChannel(PV_CHANNEL)).toEqual([]);
  });

  it('answers an empty mention with a hint, without asking the services', async () => {
    await deliver({ ...mentionEvent('', { channel: 'C0EMPTY01' }), text: `<@${BOT_USER}>` });
    await h.fake.waitFor((calls) => calls.some((c) => c.args.channel === 'C0EMPTY01'));
    await settle(h);
    const calls = inChannel('C0EMPTY01');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.text).toContain('Ask me a product question');
  });

  it('refuses in a channel shared with another organisation', async () => {
    await deliver(mentionEvent('max dose of zorvex?', { channel: 'C0SHARED1' }), { is_ext_shared_channel: true });
    await h.fake.waitFor((calls) => calls.some((c) => c.args.channel === 'C0SHARED1'));
    await settle(h);
    const calls = inChannel('C0SHARED1');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.text).toContain('shared with other organisations');
  });
});

describe('repeats and messages that are not questions', () => {
  it("answers once when Slack retries (x-slack-retry-num), even while the first is still running", async () => {
    const event = mentionEvent('max dose of zorvex for kids?', { channel: 'C0RETRY01' });
    const { body } = eventEnvelope(event);
    const [first, retry] = await Promise.all([
      sendToBot(h.url, body, JSON_TYPE),
      sendToBot(h.url, body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    const later = await sendToBot(h.url, body, JSON_TYPE, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status, later.status]).toEqual([200, 200, 200]);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0RETRY01'));
    await settle(h);
    expect(inChannel('C0RETRY01').map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
  });

  it('answers once when the same DM arrives as two events', async () => {
    const dm = directMessageEvent('Calmira storage temperature', { channel: 'D0TWICE01' });
    await deliver(dm);
    await deliver({ ...dm, type: 'app_mention' });
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'D0TWICE01'));
    await settle(h);
    expect(inChannel('D0TWICE01').map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update']);
  });

  it('ignores its own messages, other bots, edits and channel messages', async () => {
    await deliver(directMessageEvent('hello', { channel: 'D0IGNORE1', user: BOT_USER }));
    await deliver({ ...directMessageEvent('hello', { channel: 'D0IGNORE1', user: 'U0OTHERBT' }), bot_id: 'B0OTHER01' });
    await deliver({ ...mentionEvent('max dose?', { channel: 'C0IGNORE1' }), bot_id: BOT_ID, user: BOT_USER });
    await deliver({ ...directMessageEvent('edited', { channel: 'D0IGNORE1' }), subtype: 'message_changed' });
    await deliver({ ...directMessageEvent('in a channel', { channel: 'C0IGNORE1' }), channel_type: 'channel' });
    await settle(h, 300);
    expect(h.fake.calls).toEqual([]);
  });
});
