import { afterAll, describe, expect, it } from 'vitest';
import { RepbotError } from '../../src/core/errors.js';
import type { Services } from '../../src/services/services.js';
import { createSlackApp } from '../../src/slack/create-app.js';
import { loadSlackConfig } from '../../src/slack/slack-config.js';
import { createSlackLogger } from '../../src/slack/slack-logger.js';
import { startSlackBot } from '../../src/slack/start.js';
import { BOT_TOKEN, type BotHarness, settle, startHarness } from './helpers/bot-harness.js';
import { FakeSlackApi } from './helpers/fake-slack-api.js';
import { JSON_TYPE, SIGNING_SECRET, eventEnvelope, mentionEvent, sendToBot } from './helpers/signed-requests.js';

const untouchedServices = new Proxy({} as Services, {
  get(_target, name) {
    throw new Error(`services.${String(name)} must not be used`);
  },
});

describe('startSlackBot', () => {
  it('fails on bad settings before touching the services, naming the variable', async () => {
    const error = await startSlackBot(untouchedServices, { SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN }, { stopOnSignals: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepbotError);
    expect((error as RepbotError).code).toBe('CONFIG_INVALID');
    expect((error as RepbotError).message).toContain('SLACK_SIGNING_SECRET');
  });

  it('says clearly when Slack rejects the bot token, before indexing anything', async () => {
    const fake = new FakeSlackApi();
    await fake.start();
    fake.fail('auth.test', 'invalid_auth', Number.POSITIVE_INFINITY);
    try {
      const env = { SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: fake.apiUrl };
      const error = await startSlackBot(untouchedServices, env, { retryConfig: { retries: 0 }, stopOnSignals: false, logger: quietLogger() }).catch((e: unknown) => e);
      expect((error as RepbotError).code).toBe('CONFIG_INVALID');
      expect((error as RepbotError).message).toBe('Slack did not accept SLACK_BOT_TOKEN (invalid_auth).');
      expect((error as RepbotError).hint).toContain('OAuth & Permissions');
      expect(fake.callsTo('auth.test')).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });

  it('builds a Socket Mode app without connecting', () => {
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A111-222-abc' });
    const services = {} as Services;
    const bot = createSlackApp(services, config, { botId: 'B0BOT0001', botUserId: 'U0BOT0001', logger: quietLogger() });
    expect(bot.app).toBeDefined();
    expect(config.mode).toBe('socket');
  });
});

describe('a bot that learns its identity from Slack, with a rate limit', () => {
  let h: BotHarness;
  afterAll(async () => {
    await h?.close();
  });

  it('asks auth.test once, ignores its own messages by that identity, and limits questions per user', async () => {
    h = await startHarness({ identity: false, env: { SLACK_RATE_LIMIT_PER_MINUTE: '2' } });
    expect(h.fake.callsTo('auth.test')).toHaveLength(1);
    h.fake.reset();

    for (let i = 0; i < 3; i++) await sendToBot(h.url, eventEnvelope(mentionEvent(`max dose of zorvex? (${i})`, { channel: 'C0LIMIT01' })).body, JSON_TYPE);
    // From the bot itself (user id learned from auth.test): ignored.
    await sendToBot(h.url, eventEnvelope(mentionEvent('max dose?', { channel: 'C0LIMIT01', user: 'U0BOT0001' })).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.filter((c) => c.method === 'chat.update').length === 2);
    await settle(h);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(3);
    expect(posts.filter((c) => String(c.args.text).includes("You've asked 2 questions in the last minute"))).toHaveLength(1);
    expect(h.fake.callsTo('auth.test')).toHaveLength(0);
  });
});

function quietLogger() {
  return createSlackLogger({ sink: () => {} });
}

