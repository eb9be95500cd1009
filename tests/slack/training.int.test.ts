import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../src/slack/blocks/mrkdwn.js';
import type { RecordedCall } from './helpers/fake-slack-api.js';
import { type BotHarness, readable, settle, spyOnAsk, startHarness } from './helpers/bot-harness.js';
import { FORM, JSON_TYPE, TEAM, eventEnvelope, interactionBody, mentionEvent, nextMessageTs, sendToBot, slashCommandBody } from './helpers/signed-requests.js';

const TRAINERS = 'S0TRAINR1';
const TRAINER = 'U0TRAINER';
const REP = 'U0REP0042';

let h: BotHarness;
beforeAll(async () => {
  h = await startHarness({ env: { SLACK_TRAINERS_GROUP: TRAINERS }, beforeStart: (fake) => fake.usergroups.set(TRAINERS, [TRAINER]) });
  await h.services.ingest();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await settle(h);
  h.fake.reset();
});

const posts = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

async function slash(text: string, options: { user?: string; channel?: string } = {}) {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const response = await sendToBot(h.url, slashCommandBody(text, h.fake.responseUrl(id), options), FORM);
  expect(response.status).toBe(200);
  return { id, ack: response.text };
}

/** A rep's plain reply in a channel thread (message.channels), as Slack delivers it. */
async function threadReply(channel: string, threadTs: string, text: string, user = REP) {
  const ts = nextMessageTs();
  const { body } = eventEnvelope({ type: 'message', channel_type: 'channel', channel, user, text, ts, thread_ts: threadTs, event_ts: ts, client_msg_id: `cm-${ts}` });
  expect((await sendToBot(h.url, body, JSON_TYPE)).status).toBe(200);
}

async function untilPosts(channel: string, count: number) {
  await h.fake.waitFor(() => posts(channel).length >= count, 30_000, `${count} posts in ${channel}`);
  await settle(h);
}

describe('training through Slack (real Bolt, fake Web API)', () => {
  it('a scripted role-play in a thread: the doctor answers each turn in character and the thread ends with a score', async () => {
    const channel = 'C0ROLEPLY';
    const ask = spyOnAsk(h);
    try {
      await slash('roleplay zorvex cost', { user: REP, channel });
      await untilPosts(channel, 2);
      const [header, opening] = posts(channel);
      expect(readable(header?.args ?? {})).toContain('Role-play');
      const thread = header?.result?.ts as string;
      expect(opening?.args.thread_ts).toBe(thread);
      expect(readable(opening?.args ?? {})).toMatch(/Dr\. Patel.*(expensive|afford)/);
      // What was posted is the doctor's line as the compliance filter minted it, and it is on the audit record.
      const line = h.services.auditLog().query({ kind: 'roleplay', user: REP }).find((r) => r.context?.output === 'doctor-line' && r.context?.turn === 0 && r.channel === channel);
      expect(line?.finalText).toBeTruthy();
      expect(readable(opening?.args ?? {})).toContain(JSON.stringify(escapeMrkdwn(line?.finalText ?? '∅')).slice(1, -1));

      await threadReply(channel, thread, 'I understand, cost is an important consideration for you and your patients. Is your concern the cost to the patient, or coverage under the plans your patients use?');
      await untilPosts(channel, 3);
      expect(readable(posts(channel)[2]?.args ?? {})).toMatch(/Dr\. Patel/);

      // A mention in the thread is a turn too, not a question for `ask`.
      const { body } = eventEnvelope(mentionEvent('Zorvex is available as 10 mg, 20 mg and 40 mg tablets taken once daily, with a recommended starting dosage of 10 mg once daily.', { user: REP, channel, threadTs: thread }));
      await sendToBot(h.url, body, JSON_TYPE);
      await untilPosts(channel, 4);

      // Someone else writing in the thread does not mix in.
      await threadReply(channel, thread, 'Zorvex is the best statin ever.', 'U0OTHER01');
      await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postEphemeral'), 20_000);
      await settle(h);
      expect(h.fake.callsTo('chat.postEphemeral')[0]?.args).toMatchObject({ user: 'U0OTHER01', channel });
      expect(posts(channel)).toHaveLength(4);

      await threadReply(channel, thread, 'Would it be helpful if I asked our Market Access team to contact your office with the coverage information?');
      await untilPosts(channel, 6);
      const score = posts(channel)[5];
      expect(score?.args.thread_ts).toBe(thread);
      const text = readable(score?.args ?? {});
      expect(text).toMatch(/Score: \d+\/100/);
      expect(text).toContain('Pass');
      expect(text).toContain('MLR-2025-0107');
      expect(ask.calls).toEqual([]);
    } finally {
      ask.restore();
    }
    const stored = h.services.training.results({ user: REP, kind: 'roleplay' });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.outcome).toBe('pass');
  });

  it('a superlative in a Slack role-play fails the attempt and names the sentence', async () => {
    const channel = 'C0ROLEPL2';
    await slash('roleplay zorvex skeptical', { user: REP, channel });
    await untilPosts(channel, 2);
    const thread = posts(channel)[0]?.result?.ts as string;
    await threadReply(channel, thread, 'I understand. Zorvex is the best statin on the market.');
    await untilPosts(channel, 3);
    await threadReply(channel, thread, 'end');
    await untilPosts(channel, 4);
    const text = readable(posts(channel)[3]?.args ?? {});
    expect(text).toContain('Score: 0/100');
    expect(text).toContain('Zorvex is the best statin on the market.');
  });

  it('a quiz: questions with buttons, each click recorded and revealed with its source, a leaderboard at the end', async () => {
    const channel = 'C0QUIZ001';
    await slash('quiz zorvex 3', { user: TRAINER, channel });
    await untilPosts(channel, 4);
    const [header, ...questions] = posts(channel);
    expect(questions).toHaveLength(3);
    const thread = header?.result?.ts as string;
    for (const q of questions) expect(q.args.thread_ts).toBe(thread);

    const buttons = (call: RecordedCall) =>
      ((call.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')?.elements ?? []);
    const click = (user: string, button: { action_id: string; value: string }, id: string) =>
      sendToBot(
        h.url,
        interactionBody({
          type: 'block_actions',
          user: { id: user, team_id: TEAM },
          team: { id: TEAM },
          api_app_id: 'A0APP0001',
          trigger_id: `t-${id}`,
          channel: { id: channel },
          container: { type: 'message', message_ts: thread, channel_id: channel },
          message: { type: 'message', ts: thread },
          response_url: h.fake.responseUrl(id),
          actions: [{ type: 'button', block_id: 'b', action_ts: '1.1', ...button }],
        }),
        FORM,
      );
    // Rep A clicks A on every question, rep B clicks B; A clicks question 1 again (the first answer counts).
    for (const [i, q] of questions.entries()) {
      await click('U0REPAAAA', buttons(q)[0] as { action_id: string; value: string }, `a${i}`);
      await click('U0REPBBBB', buttons(q)[1] as { action_id: string; value: string }, `b${i}`);
    }
    await click('U0REPAAAA', buttons(questions[0] as RecordedCall)[1] as { action_id: string; value: string }, 'again');
    const clicks = () => h.fake.callsTo('response_url').filter((c) => !c.responseId?.startsWith('cmd-'));
    await h.fake.waitFor(() => clicks().length >= 7);
    await settle(h);
    const reveals = clicks();
    expect(reveals).toHaveLength(7);
    for (const r of reveals) {
      expect(r.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(readable(r.args)).toMatch(/MLR-\d{4}-\d{4}/);
    }
    expect(readable(reveals.find((r) => r.responseId === 'again')?.args ?? {})).toContain('first answer counts');

    // A rep cannot end the trainer's quiz; the trainer can.
    const finish = (buttons(header as RecordedCall)[0] as { action_id: string; value: string });
    await click('U0REPAAAA', finish, 'finish-rep');
    await h.fake.waitFor((calls) => calls.some((c) => c.responseId === 'finish-rep'));
    expect(readable(h.fake.calls.find((c) => c.responseId === 'finish-rep')?.args ?? {})).toMatch(/Only the person who started/);
    await click(TRAINER, finish, 'finish');
    await h.fake.waitFor(() => posts(channel).length >= 5);
    await settle(h);
    const board = posts(channel)[4];
    expect(board?.args).toMatchObject({ thread_ts: thread, reply_broadcast: 'true' }); // form-encoded by the Web API client
    const text = readable(board?.args ?? {});
    expect(text).toContain('leaderboard');
    expect(text).toContain('<@U0REPAAAA>');
    expect(text).toContain('<@U0REPBBBB>');
    expect(text.match(/MLR-\d{4}-\d{4}/g)?.length).toBeGreaterThanOrEqual(3);
    expect(h.services.training.results({ kind: 'quiz' }).map((a) => a.user).sort()).toEqual(['U0REPAAAA', 'U0REPBBBB']);
  });

  it('trainers see the training results in App Home; reps do not', async () => {
    const open = async (user: string) => {
      const { body } = eventEnvelope({ type: 'app_home_opened', user, channel: 'D0HOME001', tab: 'home', event_ts: '1.2' });
      await sendToBot(h.url, body, JSON_TYPE);
      await h.fake.waitFor((calls) => calls.some((c) => c.method === 'views.publish' && c.args.user_id === user));
      await settle(h);
      return readable((h.fake.callsTo('views.publish').find((c) => c.args.user_id === user)?.args.view ?? {}) as Record<string, unknown>);
    };
    const trainerView = await open(TRAINER);
    expect(trainerView).toContain('Training results');
    expect(trainerView).toContain('Per rep');
    expect(trainerView).toContain('Common mistakes');
    expect(await open(REP)).not.toContain('Training results');
  });

  it('a trainer overrides a score with a reason through /repbot override; a rep cannot', async () => {
    const [attempt] = h.services.training.results({});
    expect(attempt).toBeDefined();
    const id = attempt?.id as number;
    const reply = async (text: string, user: string) => {
      const { id: responseId } = await slash(text, { user });
      await h.fake.waitFor((calls) => calls.some((c) => c.method === 'response_url' && c.responseId === responseId));
      await settle(h);
      return String(h.fake.callsTo('response_url').find((c) => c.responseId === responseId)?.args.text ?? '');
    };
    expect(await reply(`override ${id} 75 reviewed the recording`, REP)).toContain('Only trainers');
    expect(await reply('override soon', TRAINER)).toContain('Usage: `/repbot override');
    expect(await reply(`override ${id} 75 reviewed the recording with the rep`, TRAINER)).toMatch(new RegExp(`Attempt #${id}: score \\d+ → 75`));
    const after = h.services.training.results({}).find((a) => a.id === id);
    expect(after?.override).toMatchObject({ trainer: TRAINER, score: 75, reason: 'reviewed the recording with the rep' });
  });
});
