import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, readable, settle, startHarness } from './helpers/bot-harness.js';
import { JSON_TYPE, eventEnvelope, mentionEvent, sendToBot } from './helpers/signed-requests.js';

// What Slack posts is recorded in the compliance audit log first, with the Slack user and
// channel; when the record cannot be written, the answer is not posted.

async function deliver(h: BotHarness, event: Record<string, unknown>) {
  const { body } = eventEnvelope(event);
  return sendToBot(h.url, body, JSON_TYPE);
}

describe('Slack replies and the audit log', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records a mention with the Slack user, channel and source before the answer is posted', async () => {
    await deliver(h, mentionEvent('max dose of zorvex for kids?', { user: 'U0AUDIT01', channel: 'C0AUDIT01' }));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0AUDIT01'));
    await settle(h);
    const records = h.services.auditLog().query({ user: 'U0AUDIT01' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'ask', user: 'U0AUDIT01', channel: 'C0AUDIT01', source: 'slack', question: 'max dose of zorvex for kids?', route: null });
    const posted = readable(h.fake.calls.find((c) => c.method === 'chat.update' && c.args.channel === 'C0AUDIT01')?.args ?? {});
    expect(posted).toContain('20 mg once daily');
    expect(records[0]?.finalText).toContain('20 mg once daily');
  });
});

describe('Slack when the audit log cannot be written', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startHarness({
      services: {
        auditSink: {
          append() {
            throw new Error('SQLITE_FULL: database or disk is full');
          },
        },
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('posts an error with a reference instead of the answer, and logs AUDIT_UNAVAILABLE', async () => {
    await deliver(h, mentionEvent('max dose of zorvex for kids?', { channel: 'C0AUDIT02' }));
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update' && c.args.channel === 'C0AUDIT02'));
    await settle(h);
    const posted = h.fake.calls
      .filter((c) => c.args.channel === 'C0AUDIT02')
      .map((c) => readable(c.args))
      .join('\n');
    expect(posted).toMatch(/Sorry, I couldn't finish that .*reference/);
    expect(posted).not.toContain('20 mg once daily');
    expect(h.logs.join('\n')).toMatch(/audit log .* cannot be written/);
  });
});
