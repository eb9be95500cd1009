import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_USER, type BotHarness, MA_MEMBER, UPDATES_CHANNEL, expectedLines, readable, settle, startHarness } from './helpers/bot-harness.js';
import { FORM, JSON_TYPE, TEAM, eventEnvelope, interactionBody, mentionEvent, sendToBot, slashCommandBody } from './helpers/signed-requests.js';

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

const responses = (id: string) => h.fake.callsTo('response_url').filter((c) => c.responseId === id);

async function command(text: string, id: string, user = 'U0REP0001') {
  return sendToBot(h.url, slashCommandBody(text, h.fake.responseUrl(id), { user }), FORM);
}

describe('/repbot', () => {
  it('acks at once with a placeholder, then answers through the response URL', async () => {
    const ack = await command('ask max dose of zorvex for kids?', 'ask1');
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3000);
    expect(JSON.parse(ack.text)).toMatchObject({ response_type: 'ephemeral', text: '⏳ Checking the approved materials…' });
    await h.fake.waitFor(() => responses('ask1').length > 0);
    await settle(h);
    const [answer] = responses('ask1');
    expect(answer?.args).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    for (const line of await expectedLines(h, 'max dose of zorvex for kids?')) expect(readable(answer?.args ?? {})).toContain(line);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('drafts an objection script in four labelled parts', async () => {
    await command('objection Zorvex is too expensive for my patients', 'obj1');
    await h.fake.waitFor(() => responses('obj1').length > 0);
    await settle(h);
    const posted = readable(responses('obj1')[0]?.args ?? {});
    for (const part of ['1. Acknowledge', '2. Clarify', '3. Respond', '4. Close']) expect(posted).toContain(part);
  });

  it('shows help for no text or an unknown sub-command, in the ack itself', async () => {
    const help = await command('', 'help1');
    expect(JSON.parse(help.text).blocks[0].text.text).toContain('/repbot ask');
    // (quiz and roleplay are sub-commands now: see tests/slack/training.int.test.ts)
    const unknown = await command('dance me', 'help2');
    expect(JSON.parse(unknown.text).blocks[0].text.text).toContain("I don't know `dance`");
    await settle(h);
    expect(h.fake.calls).toEqual([]);
  });

  it('shows the knowledge status', async () => {
    await command('status', 'status1');
    await h.fake.waitFor(() => responses('status1').length > 0);
    const posted = readable(responses('status1')[0]?.args ?? {});
    expect(posted).toContain('Documents per product');
    expect(posted).toContain('Zorvex');
    expect(posted).toContain('Files not indexed');
  });

  it('refuses re-indexing to reps', async () => {
    await command('reindex', 'reindex-rep', 'U0REP0001');
    await h.fake.waitFor(() => responses('reindex-rep').length > 0);
    await settle(h);
    expect(responses('reindex-rep')[0]?.args.text).toContain('Only medical affairs');
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('re-indexes for a listed admin and a medical-affairs group member, and posts the summary to the updates channel', async () => {
    await command('reindex', 'reindex-admin', ADMIN_USER);
    await h.fake.waitFor(() => responses('reindex-admin').length > 0);
    await settle(h);
    expect(readable(responses('reindex-admin')[0]?.args ?? {})).toMatch(/Knowledge re-indexed in .* unchanged/);
    const update = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === UPDATES_CHANNEL);
    expect(update).toHaveLength(1);
    expect(readable(update[0]?.args ?? {})).toContain(`<@${ADMIN_USER}>`);

    await command('reindex', 'reindex-group', MA_MEMBER);
    await h.fake.waitFor(() => responses('reindex-group').length > 0);
    // Not listed in SLACK_ADMIN_USERS: admin through the medical-affairs user group.
    expect(readable(responses('reindex-group')[0]?.args ?? {})).toMatch(/Knowledge re-indexed/);
  });
});

describe('App Home', () => {
  const homeOpened = (user: string) => eventEnvelope({ type: 'app_home_opened', user, channel: 'D0HOME001', tab: 'home', event_ts: '1710000000.1' });

  it('publishes the knowledge status for a rep, without admin actions', async () => {
    await sendToBot(h.url, homeOpened('U0REP0001').body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.publish'));
    const [publish] = h.fake.callsTo('views.publish');
    expect(publish?.args.user_id).toBe('U0REP0001');
    const view = publish?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view);
    expect(text).toContain('Documents per product');
    expect(text).toContain('*Zorvex*');
    expect(text).toContain('Files not indexed');
    expect(text).not.toContain('repbot_home_reindex');
  });

  it('shows admins the re-index button, and the re-index works from there', async () => {
    await sendToBot(h.url, homeOpened(ADMIN_USER).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.publish'));
    expect(JSON.stringify(h.fake.callsTo('views.publish')[0]?.args.view)).toContain('repbot_home_reindex');
    h.fake.reset();

    const click = interactionBody({
      type: 'block_actions',
      user: { id: ADMIN_USER, team_id: TEAM },
      team: { id: TEAM },
      api_app_id: 'A0APP0001',
      trigger_id: 'trigger-home',
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home' },
      actions: [{ type: 'button', action_id: 'repbot_home_reindex', block_id: 'b1', action_ts: '1710000001.1' }],
    });
    expect((await sendToBot(h.url, click, FORM)).status).toBe(200);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.publish'));
    await settle(h);
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === ADMIN_USER);
    expect(readable(dm?.args ?? {})).toMatch(/Knowledge re-indexed/);
  });

  it('ignores the Messages tab', async () => {
    const { body } = eventEnvelope({ type: 'app_home_opened', user: 'U0REP0001', channel: 'D0HOME001', tab: 'messages', event_ts: '1.2' });
    await sendToBot(h.url, body, JSON_TYPE);
    await settle(h);
    expect(h.fake.calls).toEqual([]);
  });
});

describe('feedback', () => {
  it('records 👍/👎, thanks the clicker, asks what was wrong, and shows 👎 to admins as a content gap', async () => {
    const event = mentionEvent('Calmira storage temperature', { channel: 'C0FEEDBK1' });
    await sendToBot(h.url, eventEnvelope(event).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
    await settle(h);
    const update = h.fake.callsTo('chat.update')[0];
    const blocks = update?.args.blocks as Array<{ type: string; block_id?: string; elements?: Array<{ action_id: string; value: string }> }>;
    const buttons = blocks.find((b) => b.block_id === 'repbot_feedback')?.elements ?? [];
    const down = buttons.find((b) => b.action_id === 'repbot_feedback_down');
    expect(down).toBeDefined();
    h.fake.reset();

    const click = (user: string, action: { action_id: string; value: string }) =>
      interactionBody({
        type: 'block_actions',
        user: { id: user, team_id: TEAM },
        team: { id: TEAM },
        api_app_id: 'A0APP0001',
        trigger_id: `trigger-${user}`,
        channel: { id: 'C0FEEDBK1' },
        container: { type: 'message', message_ts: update?.args.ts, channel_id: 'C0FEEDBK1' },
        message: { type: 'message', ts: update?.args.ts, text: update?.args.text, blocks },
        response_url: h.fake.responseUrl(`fb-${user}`),
        actions: [{ type: 'button', block_id: 'repbot_feedback', action_ts: '1710000002.1', ...action }],
      });
    expect((await sendToBot(h.url, click('U0REP0002', down ?? { action_id: '', value: '' }), FORM)).status).toBe(200);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'response_url'));
    await settle(h);
    const modal = h.fake.callsTo('views.open')[0];
    expect(modal?.args.trigger_id).toBe('trigger-U0REP0002');
    expect(responses('fb-U0REP0002')[0]?.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });

    const view = modal?.args.view as { callback_id: string; private_metadata: string };
    const submission = interactionBody({
      type: 'view_submission',
      user: { id: 'U0REP0002', team_id: TEAM },
      team: { id: TEAM },
      api_app_id: 'A0APP0001',
      trigger_id: 'trigger-submit',
      view: {
        id: 'V0MODAL',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { comment: { comment_text: { type: 'plain_text_input', value: 'nothing about travel in hot countries' } } } },
      },
    });
    const submitted = await sendToBot(h.url, submission, FORM);
    expect(submitted.status).toBe(200);
    await settle(h);

    const recorded = await h.running.bot.deps.feedback.recent();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ rating: 'down', user: 'U0REP0002', channel: 'C0FEEDBK1', question: 'Calmira storage temperature', comment: 'nothing about travel in hot countries' });

    h.fake.reset();
    await sendToBot(h.url, eventEnvelope({ type: 'app_home_opened', user: ADMIN_USER, channel: 'D0HOME002', tab: 'home', event_ts: '1.3' }).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.publish'));
    expect(JSON.stringify(h.fake.callsTo('views.publish')[0]?.args.view)).toContain('nothing about travel in hot countries');
  });
});
