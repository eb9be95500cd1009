import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOT_TOKEN, type BotHarness, PV_CHANNEL, expectedLines, readable, settle, startHarness } from './helpers/bot-harness.js';
import { FORM, JSON_TYPE, SIGNING_SECRET, eventEnvelope, mentionEvent, sendToBot, sign, slashCommandBody } from './helpers/signed-requests.js';

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

describe('request verification', () => {
  it('rejects a bad signature with 401 and does nothing', async () => {
    const { body } = eventEnvelope(mentionEvent('max dose?', { channel: 'C0BADSIG1' }));
    const forged = await sendToBot(h.url, body, JSON_TYPE, { secret: 'not-the-signing-secret-at-all' });
    const tampered = await sendToBot(h.url, body, JSON_TYPE, { signature: sign(body.replace('max dose', 'min dose'), Math.floor(Date.now() / 1000)) });
    const unsigned = await fetch(h.url, { method: 'POST', headers: { 'content-type': JSON_TYPE }, body });
    expect([forged.status, tampered.status, unsigned.status]).toEqual([401, 401, 401]);
    await settle(h);
    expect(h.fake.calls).toEqual([]);
  });

  it('rejects a stale timestamp with 401, even when correctly signed', async () => {
    const { body } = eventEnvelope(mentionEvent('max dose?', { channel: 'C0STALE01' }));
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await sendToBot(h.url, body, JSON_TYPE, { timestamp: sixMinutesAgo });
    const staleCommand = await sendToBot(h.url, slashCommandBody('status', h.fake.responseUrl('stale')), FORM, { timestamp: sixMinutesAgo });
    expect([stale.status, staleCommand.status]).toEqual([401, 401]);
    await settle(h);
    expect(h.fake.calls).toEqual([]);
  });

  it('answers the health check', async () => {
    const health = await fetch(h.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });
});

describe('Slack Web API errors', () => {
  it('posts the answer as a new thread message when chat.update fails, and removes the stale placeholder', async () => {
    h.fake.fail('chat.update', 'msg_too_long');
    const event = mentionEvent('max dose of zorvex for kids?', { channel: 'C0UPDFAIL' });
    await sendToBot(h.url, eventEnvelope(event).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.delete'));
    await settle(h);
    const calls = inChannel('C0UPDFAIL');
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage', 'chat.delete']);
    expect(calls[2]?.args.thread_ts).toBe(event.ts);
    for (const line of await expectedLines(h, 'max dose of zorvex for kids?')) expect(readable(calls[2]?.args ?? {})).toContain(line);
    expect(calls[3]?.args.ts).toBe(calls[0]?.result?.ts);
    expect(h.logs.some((l) => l.includes('replacing the placeholder failed') && l.includes('msg_too_long'))).toBe(true);
  });

  it('falls back to a plain-text error with a reference when Slack refuses the answer twice', async () => {
    h.fake.fail('chat.update', 'invalid_blocks');
    h.fake.fail('chat.postMessage', 'invalid_blocks', 1, 1);
    await sendToBot(h.url, eventEnvelope(mentionEvent('max dose of zorvex for kids?', { channel: 'C0TWOFAIL' })).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 3);
    await settle(h);
    const calls = inChannel('C0TWOFAIL');
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage', 'chat.postMessage']);
    const last = calls[3]?.args ?? {};
    expect(last.blocks).toBeUndefined();
    const ref = /reference `([0-9A-F]{8})`/.exec(String(last.text))?.[1];
    expect(ref).toBeDefined();
    expect(h.logs.some((l) => l.includes(`[ref ${ref}]`) && l.includes('invalid_blocks'))).toBe(true);
  });

  it('still answers when the placeholder cannot be posted', async () => {
    h.fake.fail('chat.postMessage', 'ratelimited');
    await sendToBot(h.url, eventEnvelope(mentionEvent('Calmira storage temperature', { channel: 'C0PHFAIL1' })).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage').length === 2);
    await settle(h);
    const calls = inChannel('C0PHFAIL1');
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    for (const line of await expectedLines(h, 'Calmira storage temperature')) expect(readable(calls[1]?.args ?? {})).toContain(line);
  });

  it('still gives the rep the reporting route when the PV channel copy fails', async () => {
    h.fake.fail('chat.postMessage', 'channel_not_found', 1, 1);
    await sendToBot(h.url, eventEnvelope(mentionEvent('My patient on zorvex had severe muscle pain and dark urine yesterday', { channel: 'C0PVFAIL1' })).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
    await settle(h);
    expect(h.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['C0PVFAIL1', PV_CHANNEL]);
    const posted = readable(inChannel('C0PVFAIL1')[1]?.args ?? {});
    expect(posted).toContain('report it to Pharmacovigilance');
    expect(posted).not.toContain('copy of this report was posted');
  });
});

describe('service errors', () => {
  it('shows a short message with a reference id; the log has the full error under the same id, without tokens', async () => {
    const original = h.services.ask;
    h.services.ask = async () => {
      throw new Error(`index at /srv/secret/path is unreadable (token ${BOT_TOKEN})`);
    };
    try {
      await sendToBot(h.url, eventEnvelope(mentionEvent('max dose?', { channel: 'C0SVCFAIL' })).body, JSON_TYPE);
      await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
      await settle(h);
    } finally {
      h.services.ask = original;
    }
    const shown = String(inChannel('C0SVCFAIL')[1]?.args.text);
    const ref = /reference `([0-9A-F]{8})`/.exec(shown)?.[1];
    expect(ref).toBeDefined();
    expect(shown).not.toContain('/srv/secret');
    const logged = h.logs.find((l) => l.includes(`[ref ${ref}]`));
    expect(logged).toContain('answering a question failed');
    expect(logged).toContain('/srv/secret/path is unreadable');
    expect(logged).toContain('channel=C0SVCFAIL');
  });

  it('never writes the bot token or signing secret to the log', () => {
    expect(h.logs.length).toBeGreaterThan(0);
    for (const line of h.logs) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
