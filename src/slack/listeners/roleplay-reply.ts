import type { App, webApi } from '@slack/bolt';
import { doctorMessage, roleplayScoreMessage } from '../blocks/roleplay-blocks.js';
import { errorMessage } from '../blocks/notice-messages.js';
import { reportFailure } from '../failure-report.js';
import type { MessageEventFields, EventEnvelope } from '../incoming-question.js';
import type { SlackDeps } from '../slack-deps.js';
import { plainTextOf } from '../slack-text.js';

export interface RoleplayReply {
  /** The thread's key (`slack:<team>:<channel>:<thread ts>`), the role-play's key. */
  key: string;
  channel: string;
  threadTs: string;
  user: string;
  text: string;
}

const END = /^(?:\/?end|stop|finish|done|结束|停止)[.!。！]?$/i;

/**
 * A rep's reply in a role-play thread: the doctor answers in the thread; when the role-play is
 * over (the rep closed, the turns ran out, or "end"), the score follows. Problems (another rep
 * writing in the thread, an expired session) are told to the writer only.
 */
export async function replyInRoleplay(deps: SlackDeps, client: webApi.WebClient, r: RoleplayReply): Promise<void> {
  const training = deps.services.training;
  try {
    const step = END.test(r.text.trim()) ? await training.endRoleplay({ key: r.key, user: r.user }) : await training.roleplayTurn({ key: r.key, user: r.user, text: r.text });
    if (!step.ok) {
      await client.chat.postEphemeral({ channel: r.channel, user: r.user, thread_ts: r.threadTs, text: step.error.message });
      return;
    }
    if (step.value.doctor) await client.chat.postMessage({ channel: r.channel, thread_ts: r.threadTs, ...doctorMessage(step.value) });
    if (step.value.done) {
      const result = step.value.result;
      const message = result
        ? roleplayScoreMessage(result, result.attemptId)
        : { text: step.value.language === 'zh' ? '练习已结束，没有回复，不评分。' : 'Role-play ended with no reply: nothing to score.' };
      await client.chat.postMessage({ channel: r.channel, thread_ts: r.threadTs, ...message });
    }
  } catch (error) {
    const ref = reportFailure(deps.logger, 'continuing a role-play', error, { user: r.user });
    await client.chat.postMessage({ channel: r.channel, thread_ts: r.threadTs, text: errorMessage(ref, 'en').text }).catch(() => {});
  }
}

/**
 * Replies in channel threads (message.channels / message.groups): only those in a thread where
 * a role-play runs are taken; everything else in channels is left alone (repbot answers
 * questions only when mentioned). DMs and mentions reach the role-play through the question
 * handler, which checks the same thread key.
 */
export function registerRoleplayReplies(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, body, context, client }) => {
    const e = event as MessageEventFields;
    if (e.channel_type === 'im' || e.subtype !== undefined || e.bot_id !== undefined) return;
    if (!e.thread_ts || !e.user || !e.channel || !e.ts || e.user === context.botUserId) return;
    const team = (body as EventEnvelope).team_id ?? e.team ?? 'T?';
    const key = `slack:${team}:${e.channel}:${e.thread_ts}`;
    if (!deps.services.training.hasRoleplay(key)) {
      // Never silent: the rep whose role-play timed out is told so (others in the thread are not).
      const last = deps.services.training.roleplayIn(key);
      if (last?.status === 'expired' && last.user === e.user && deps.dedupe.claim([`message:${e.channel}:${e.ts}`])) {
        await client.chat
          .postEphemeral({ channel: e.channel, user: e.user, thread_ts: e.thread_ts, text: 'This role-play has expired. Start a new one with `/repbot roleplay`.' })
          .catch((error: unknown) => reportFailure(deps.logger, 'telling a rep their role-play expired', error, { user: e.user }));
      }
      return;
    }
    if (!deps.dedupe.claim([`message:${e.channel}:${e.ts}`])) return;
    await deps.work.track(replyInRoleplay(deps, client, { key, channel: e.channel, threadTs: e.thread_ts, user: e.user, text: plainTextOf(e.text ?? '', context.botUserId) }));
  });
}
