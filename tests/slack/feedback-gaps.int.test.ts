import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackDbPath } from '../../src/feedback/default-feedback-store.js';
import { SqliteFeedbackStore } from '../../src/feedback/sqlite-feedback-store.js';
import { decodeFeedbackSubject } from '../../src/slack/blocks/feedback-blocks.js';
import { runCli } from '../helpers/run-cli.js';
import { ADMIN_USER, type BotHarness, REPO_ROOT, settle, startHarness } from './helpers/bot-harness.js';
import { FORM, JSON_TYPE, TEAM, eventEnvelope, interactionBody, mentionEvent, sendToBot } from './helpers/signed-requests.js';

type Blocks = Array<{ type: string; block_id?: string; elements?: Array<{ action_id: string; value: string }> }>;

const CHANNEL = 'C0GAPS001';
const REP = 'U0REP0007';

describe('feedback end to end: 👎 in Slack → durable store → `repbot gaps` and App Home', () => {
  let h: BotHarness;
  let dataDir: string;
  let closed = false;
  beforeAll(async () => {
    h = await startHarness();
    dataDir = h.services.config.dataDir;
  });
  afterAll(async () => {
    if (!closed) await h?.close();
  });

  async function ask(text: string): Promise<{ ts: string; blocks: Blocks; text: string }> {
    h.fake.reset();
    await sendToBot(h.url, eventEnvelope(mentionEvent(text, { channel: CHANNEL, user: REP })).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
    await settle(h);
    const update = h.fake.callsTo('chat.update')[0];
    return { ts: String(update?.args.ts), blocks: update?.args.blocks as Blocks, text: String(update?.args.text) };
  }

  const homeOf = async (user: string): Promise<string> => {
    h.fake.reset();
    await sendToBot(h.url, eventEnvelope({ type: 'app_home_opened', user, channel: 'D0HOME009', tab: 'home', event_ts: '1710000009.1' }).body, JSON_TYPE);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.publish'));
    await settle(h);
    return JSON.stringify(h.fake.callsTo('views.publish')[0]?.args.view);
  };

  it('records the 👎 with its comment and audit record id durably, and reports it with the unanswered questions', async () => {
    // An unanswered question: recorded by the services as a content gap, without any click.
    const unanswered = await ask('does calmira cause hair loss?');
    expect(unanswered.text).toContain('Not covered');

    // An answered question, marked 👎 with "what was wrong".
    const answered = await ask('Calmira storage temperature');
    const down = answered.blocks.find((b) => b.block_id === 'repbot_feedback')?.elements?.find((e) => e.action_id === 'repbot_feedback_down');
    expect(down).toBeDefined();
    const carried = decodeFeedbackSubject(down?.value);
    expect(carried).toMatchObject({ question: 'Calmira storage temperature', product: 'calmira' });
    // The button carries the reply's compliance audit record, and that record is the answer's.
    const auditId = carried?.auditId ?? null;
    expect(auditId).toEqual(expect.any(Number));
    const audited = h.services.auditLog().query().find((r) => r.id === auditId);
    expect(audited).toMatchObject({ kind: 'ask', user: REP });
    h.fake.reset();
    const click = interactionBody({
      type: 'block_actions',
      user: { id: REP, team_id: TEAM },
      team: { id: TEAM },
      api_app_id: 'A0APP0001',
      trigger_id: 'trigger-gaps',
      channel: { id: CHANNEL },
      container: { type: 'message', message_ts: answered.ts, channel_id: CHANNEL },
      message: { type: 'message', ts: answered.ts, text: answered.text, blocks: answered.blocks },
      response_url: h.fake.responseUrl('fb-gaps'),
      actions: [{ type: 'button', block_id: 'repbot_feedback', action_ts: '1710000009.2', action_id: 'repbot_feedback_down', value: down?.value }],
    });
    expect((await sendToBot(h.url, click, FORM)).status).toBe(200);
    await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.open'));
    await settle(h);
    const modal = h.fake.callsTo('views.open')[0]?.args.view as { callback_id: string; private_metadata: string };
    const submission = interactionBody({
      type: 'view_submission',
      user: { id: REP, team_id: TEAM },
      team: { id: TEAM },
      api_app_id: 'A0APP0001',
      trigger_id: 'trigger-gaps-submit',
      view: {
        id: 'V0MODAL9',
        type: 'modal',
        callback_id: modal.callback_id,
        private_metadata: modal.private_metadata,
        state: { values: { comment: { comment_text: { type: 'plain_text_input', value: 'nothing about storage after opening' } } } },
      },
    });
    expect((await sendToBot(h.url, submission, FORM)).status).toBe(200);
    await settle(h);

    // App Home: medical affairs see both content gaps; a rep sees neither.
    const adminHome = await homeOf(ADMIN_USER);
    expect(adminHome).toContain('Content gaps · last 30 days');
    expect(adminHome).toContain('does calmira cause hair loss?');
    expect(adminHome).toContain('Calmira storage temperature');
    expect(adminHome).toContain('nothing about storage after opening');
    const repHome = await homeOf(REP);
    expect(repHome).not.toContain('Content gaps');
    expect(repHome).not.toContain('nothing about storage after opening');

    // Stop the bot: the records are in <data>/feedback.db, not in its memory.
    await h.close();
    closed = true;
    const store = SqliteFeedbackStore.open(feedbackDbPath(dataDir));
    const records = await store.list();
    await store.close();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: `${CHANNEL}:${answered.ts}:${REP}`,
      rating: 'down',
      user: REP,
      channel: CHANNEL,
      messageTs: answered.ts,
      question: 'Calmira storage temperature',
      product: 'calmira',
      route: null,
      comment: 'nothing about storage after opening',
      approvalCodes: carried?.approvalCodes,
      verdict: carried?.verdict,
      auditId: carried?.auditId,
    });

    // `repbot gaps` over the same data folder.
    const gaps = await runCli(['gaps', '--json', '--data', dataDir, '--knowledge', path.join(REPO_ROOT, 'knowledge')]);
    expect(gaps.code, gaps.stderr).toBe(0);
    const report = JSON.parse(gaps.stdout);
    expect(report.gaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: 'does calmira cause hair loss?', unanswered: 1, products: ['calmira'], auditIds: [expect.any(Number)] }),
        expect.objectContaining({ question: 'Calmira storage temperature', notHelpful: 1, comments: ['nothing about storage after opening'], auditIds: [auditId] }),
      ]),
    );
    const text = await runCli(['gaps', '--data', dataDir, '--knowledge', path.join(REPO_ROOT, 'knowledge')]);
    expect(text.stdout).toContain('What reps said was wrong: "nothing about storage after opening".');
  });
});
