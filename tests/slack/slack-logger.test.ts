import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createAdminCheck } from '../../src/slack/admin-check.js';
import { reportFailure } from '../../src/slack/failure-report.js';
import { createSlackLogger, redactSecrets } from '../../src/slack/slack-logger.js';

describe('redactSecrets', () => {
  it('removes Slack tokens, bearer credentials and named secrets', () => {
    const line = 'token=xoxb-123-456-abc app=xapp-1-A1-2-def user=xoxp-9-8-ghi Authorization: Bearer abc.def-ghi secret=0123456789abcdef';
    expect(redactSecrets(line, ['0123456789abcdef'])).toBe(
      'token=xoxb-[redacted] app=xapp-[redacted] user=xoxp-[redacted] Authorization: Bearer [redacted] secret=[redacted]',
    );
  });
});

describe('the Slack logger', () => {
  it('redacts tokens inside errors and objects, and honours the level', () => {
    const lines: string[] = [];
    const logger = createSlackLogger({ level: LogLevel.INFO, sink: (l) => lines.push(l), secrets: ['signing-secret-value'] });
    logger.debug('hidden');
    const error = Object.assign(new Error('call failed with xoxb-111-222-SECRET'), { data: { token: 'xoxb-111-222-SECRET', secret: 'signing-secret-value' } });
    const ref = reportFailure(logger, 'answering', error, { channel: 'C1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`[ref ${ref}] answering failed`);
    expect(lines[0]).toContain('channel=C1');
    expect(lines[0]).not.toContain('SECRET');
    expect(lines[0]).not.toContain('signing-secret-value');
  });
});

describe('createAdminCheck', () => {
  it('knows listed admins and medical-affairs group members, caching the group for a minute', async () => {
    let calls = 0;
    let now = 0;
    const client = {
      usergroups: {
        users: {
          list: async () => {
            calls++;
            return { ok: true, users: ['U0MEDAFF1'] };
          },
        },
      },
    } as unknown as Parameters<ReturnType<typeof createAdminCheck>['isAdmin']>[1];
    const check = createAdminCheck({ adminUsers: ['U0ADMIN01'], medicalAffairsGroup: 'S0MEDAFF1' }, () => now);
    expect(check.configured).toBe(true);
    expect(await check.isAdmin('U0ADMIN01', client)).toBe(true);
    expect(await check.isAdmin('U0MEDAFF1', client)).toBe(true);
    expect(await check.isAdmin('U0REP0001', client)).toBe(false);
    expect(calls).toBe(1);
    now = 61_000;
    await check.isAdmin('U0REP0001', client);
    expect(calls).toBe(2);
    expect(createAdminCheck({ adminUsers: [], medicalAffairsGroup: undefined }).configured).toBe(false);
  });
});
