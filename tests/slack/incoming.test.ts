import { describe, expect, it } from 'vitest';
import { EventDedupe } from '../../src/slack/event-dedupe.js';
import { readIncomingQuestion } from '../../src/slack/incoming-question.js';
import { RateLimiter } from '../../src/slack/rate-limiter.js';
import { parseRepbotCommand } from '../../src/slack/slash-command.js';
import { plainTextOf } from '../../src/slack/slack-text.js';

const BOT = 'U0BOT0001';
const mention = (extra: Record<string, unknown> = {}) => ({ type: 'app_mention', user: 'U0REP0001', text: `<@${BOT}> max dose?`, ts: '1.000001', channel: 'C0FIELD01', ...extra });

describe('readIncomingQuestion', () => {
  it('reads a mention: text without the mention, thread, conversation and dedupe keys', () => {
    const q = readIncomingQuestion({ ...mention(), client_msg_id: 'abc' }, { team_id: 'T1', event_id: 'Ev1' }, BOT);
    expect(q).toEqual({
      ok: true,
      value: {
        team: 'T1',
        channel: 'C0FIELD01',
        user: 'U0REP0001',
        text: 'max dose?',
        ts: '1.000001',
        threadTs: '1.000001',
        conversationId: 'slack:T1:C0FIELD01:1.000001',
        dedupeKeys: ['event:Ev1', 'client-msg:abc', 'message:C0FIELD01:1.000001'],
        external: false,
      },
    });
  });

  it('keeps a follow-up in its thread', () => {
    const q = readIncomingQuestion(mention({ ts: '2.000001', thread_ts: '1.000001' }), { team_id: 'T1' }, BOT);
    expect(q.ok && q.value.threadTs).toBe('1.000001');
    expect(q.ok && q.value.conversationId).toBe('slack:T1:C0FIELD01:1.000001');
  });

  it('ignores bots, itself, subtypes and non-DM messages', () => {
    expect(readIncomingQuestion(mention({ bot_id: 'B0OTHER01' }), {}, BOT)).toEqual({ ok: false, error: 'from a bot' });
    expect(readIncomingQuestion(mention({ user: BOT }), {}, BOT)).toEqual({ ok: false, error: 'from this bot' });
    expect(readIncomingQuestion({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D1', ts: '1.1' }, {}, BOT).ok).toBe(false);
    expect(readIncomingQuestion({ type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D1', ts: '1.1' }, {}, BOT)).toEqual({ ok: false, error: 'from a bot' });
    expect(readIncomingQuestion({ type: 'message', channel_type: 'channel', user: 'U1', channel: 'C1', ts: '1.1', text: 'hi' }, {}, BOT)).toEqual({ ok: false, error: 'not a direct message' });
    expect(readIncomingQuestion({ type: 'message', channel_type: 'im', user: 'U1', channel: 'D1', ts: '1.1', text: 'hi' }, {}, BOT).ok).toBe(true);
  });

  it('flags shared channels and people from other organisations', () => {
    expect(readIncomingQuestion(mention(), { team_id: 'T1', is_ext_shared_channel: true }, BOT)).toMatchObject({ ok: true, value: { external: true } });
    expect(readIncomingQuestion(mention({ user_team: 'T2' }), { team_id: 'T1' }, BOT)).toMatchObject({ ok: true, value: { external: true } });
    expect(readIncomingQuestion(mention({ user_team: 'T1' }), { team_id: 'T1' }, BOT)).toMatchObject({ ok: true, value: { external: false } });
  });
});

describe('plainTextOf', () => {
  it('removes the bot mention and makes Slack markup readable', () => {
    expect(plainTextOf(`<@${BOT}>  dose for <@U0REP0002|ann> in <#C0FIELD01|field> &lt;10 yrs &amp; <https://x.example|label> <!here>`, BOT)).toBe(
      'dose for @ann in #field <10 yrs & label @here',
    );
  });
});

describe('EventDedupe', () => {
  it('lets the first of several deliveries through, by any shared key', () => {
    let now = 0;
    const dedupe = new EventDedupe({ ttlMs: 1000, now: () => now });
    expect(dedupe.claim(['event:1', 'message:C:1'])).toBe(true);
    expect(dedupe.claim(['event:1'])).toBe(false);
    expect(dedupe.claim(['event:2', 'message:C:1'])).toBe(false);
    now = 2000;
    expect(dedupe.claim(['event:1'])).toBe(true);
  });

  it('stays bounded', () => {
    const dedupe = new EventDedupe({ maxKeys: 10 });
    for (let i = 0; i < 100; i++) dedupe.claim([`k${i}`]);
    expect(dedupe.size).toBeLessThanOrEqual(11);
  });
});

describe('RateLimiter', () => {
  it('allows n per user per minute, then again after a minute; 0 is unlimited', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a'), limiter.allow('b')]).toEqual([true, true, false, true]);
    now = 60_001;
    expect(limiter.allow('a')).toBe(true);
    const off = new RateLimiter(0);
    expect(Array.from({ length: 100 }, () => off.allow('a')).every(Boolean)).toBe(true);
  });
});

describe('parseRepbotCommand', () => {
  it('reads sub-commands', () => {
    expect(parseRepbotCommand('')).toEqual({ sub: 'help', rest: '' });
    expect(parseRepbotCommand('ASK  max dose\nfor kids?')).toEqual({ sub: 'ask', rest: 'max dose\nfor kids?' });
    expect(parseRepbotCommand('objection too expensive')).toEqual({ sub: 'objection', rest: 'too expensive' });
    expect(parseRepbotCommand('status')).toEqual({ sub: 'status', rest: '' });
    expect(parseRepbotCommand('quiz zorvex 5')).toEqual({ sub: 'quiz', rest: 'zorvex 5' });
    expect(parseRepbotCommand('roleplay calmira busy')).toEqual({ sub: 'roleplay', rest: 'calmira busy' });
    expect(parseRepbotCommand('dance me')).toEqual({ sub: 'unknown', word: 'dance' });
  });
});
