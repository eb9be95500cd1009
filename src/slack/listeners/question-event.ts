import type { Context, webApi } from '@slack/bolt';
import { answerQuestion } from '../answer-question.js';
import { type EventEnvelope, type MessageEventFields, readIncomingQuestion } from '../incoming-question.js';
import type { SlackDeps } from '../slack-deps.js';
import { threadTarget } from '../thread-target.js';
import { replyInRoleplay } from './roleplay-reply.js';
import { detectLanguage } from '../../text/language.js';

interface QuestionEventArgs {
  event: MessageEventFields;
  body: EventEnvelope;
  context: Context;
  client: webApi.WebClient;
}

/**
 * The handler mentions and DMs share (Bolt acks events before calling it): skip what is not a
 * question or was already handled (Slack retries, the same message as two events), then answer
 * in the thread.
 */
export function questionEventHandler(deps: SlackDeps): (args: QuestionEventArgs) => Promise<void> {
  return async ({ event, body, context, client }) => {
    const incoming = readIncomingQuestion(event, body, context.botUserId);
    if (!incoming.ok) {
      deps.logger.debug(`${event.type} ignored: ${incoming.error}`);
      return;
    }
    const q = incoming.value;
    if (!deps.dedupe.claim(q.dedupeKeys)) {
      deps.logger.debug(`${event.type} ${body.event_id ?? ''} ignored: already handled (retry ${context.retryNum ?? 0})`);
      return;
    }
    // A reply in a role-play's thread is the rep's turn, not a question.
    if (deps.services.training.hasRoleplay(q.conversationId)) {
      await deps.work.track(replyInRoleplay(deps, client, { key: q.conversationId, channel: q.channel, threadTs: q.threadTs, user: q.user, text: q.text }));
      return;
    }
    const language = q.text === '' ? 'en' : detectLanguage(q.text);
    const target = threadTarget(client, deps.logger, { channel: q.channel, threadTs: q.threadTs, language });
    await deps.work.track(
      answerQuestion(deps, client, target, {
        kind: 'ask',
        text: q.text,
        user: q.user,
        channel: q.channel,
        ts: q.ts,
        conversationId: q.conversationId,
        external: q.external,
      }),
    );
  };
}
