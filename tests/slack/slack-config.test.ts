import { describe, expect, it } from 'vitest';
import { RepbotError } from '../../src/core/errors.js';
import { describeSlackConfig, loadSlackConfig } from '../../src/slack/slack-config.js';

const BOT = 'xoxb-1234-5678-abcdefSECRET';
const APP = 'xapp-1-A111-222-abcdefSECRET';
const SECRET = '0123456789abcdef0123456789abcdef';

function failure(env: NodeJS.ProcessEnv): RepbotError {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof RepbotError) return error;
    throw error;
  }
  throw new Error('expected loadSlackConfig to fail');
}

describe('loadSlackConfig', () => {
  it('defaults to Socket Mode', () => {
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP });
    expect(config).toMatchObject({ mode: 'socket', port: 3000, externalChannels: 'refuse', rateLimitPerMinute: 20, adminUsers: [], apiUrl: undefined });
  });

  it('reads HTTP mode and the optional settings', () => {
    const config = loadSlackConfig({
      SLACK_MODE: 'HTTP',
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_PV_CHANNEL: 'C0PVSAFE1',
      SLACK_UPDATES_CHANNEL: 'G0UPDATE1',
      SLACK_ADMIN_USERS: 'U0ADMIN01, W0ADMIN02',
      SLACK_MEDICAL_AFFAIRS_GROUP: 'S0MEDAFF1',
      SLACK_EXTERNAL_CHANNELS: 'hcp-only',
      SLACK_RATE_LIMIT_PER_MINUTE: '0',
      SLACK_LOG_LEVEL: '',
    });
    expect(config).toMatchObject({
      mode: 'http',
      port: 8080,
      apiUrl: 'http://127.0.0.1:9999/api/',
      pvChannel: 'C0PVSAFE1',
      updatesChannel: 'G0UPDATE1',
      adminUsers: ['U0ADMIN01', 'W0ADMIN02'],
      medicalAffairsGroup: 'S0MEDAFF1',
      externalChannels: 'hcp-only',
      rateLimitPerMinute: 0,
      logLevel: 'info',
    });
  });

  it('names every missing setting and how to get it', () => {
    const error = failure({});
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('SLACK_BOT_TOKEN: is missing');
    expect(error.message).toContain('OAuth & Permissions');
    expect(failure({ SLACK_BOT_TOKEN: BOT }).message).toMatch(/SLACK_APP_TOKEN: required in Socket Mode.*connections:write/);
    expect(failure({ SLACK_BOT_TOKEN: BOT, SLACK_MODE: 'http' }).message).toMatch(/SLACK_SIGNING_SECRET: required when SLACK_MODE=http/);
  });

  it('names each malformed setting with its fix', () => {
    const message = failure({
      SLACK_MODE: 'websocket',
      SLACK_BOT_TOKEN: BOT,
      PORT: '70000',
      SLACK_API_URL: 'slack.com',
      SLACK_PV_CHANNEL: '#pharmacovigilance',
      SLACK_ADMIN_USERS: 'U0ADMIN01,@alice',
      SLACK_MEDICAL_AFFAIRS_GROUP: '@medaffairs',
      SLACK_EXTERNAL_CHANNELS: 'allow',
      SLACK_RATE_LIMIT_PER_MINUTE: 'lots',
    }).message;
    for (const name of ['SLACK_MODE', 'PORT', 'SLACK_API_URL', 'SLACK_PV_CHANNEL', 'SLACK_ADMIN_USERS', 'SLACK_MEDICAL_AFFAIRS_GROUP', 'SLACK_EXTERNAL_CHANNELS', 'SLACK_RATE_LIMIT_PER_MINUTE']) {
      expect(message).toContain(`${name}:`);
    }
    expect(message).toContain('channel ID');
    expect(message).toContain('@alice');
  });

  it('never repeats a token or secret in its messages', () => {
    const userToken = 'xoxp-9999-8888-userSECRETvalue';
    const message = failure({ SLACK_BOT_TOKEN: userToken, SLACK_APP_TOKEN: 'xoxb-wrong-kindSECRET', SLACK_SIGNING_SECRET: 'short secret' }).message;
    expect(message).toContain('SLACK_BOT_TOKEN: must be a bot token starting "xoxb-"');
    expect(message).toContain('(got a "xoxp-…" value)');
    expect(message).not.toMatch(/userSECRETvalue|kindSECRET|short secret/);
  });

  it('describes itself without secrets', () => {
    const text = JSON.stringify(describeSlackConfig(loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET })));
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain(SECRET);
  });
});
