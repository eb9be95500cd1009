import { type Result, fail, ok } from '../core/result.js';
import { plainTextOf } from './slack-text.js';

/** The fields of an `app_mention` or `message` event this bot reads. */
export interface MessageEventFields {
  type: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  client_msg_id?: string;
  /** Set on messages from members of another organisation in a shared channel. */
  user_team?: string;
  team?: string;
}

/** The Events API envelope around the event. */
export interface EventEnvelope {
  team_id?: string;
  event_id?: string;
  is_ext_shared_channel?: boolean;
}

/** A message that is a question for repbot. */
export interface IncomingQuestion {
  team: string;
  channel: string;
  user: string;
  /** The question, without the bot's mention. May be empty ("@repbot" alone). */
  text: string;
  ts: string;
  /** Replies go in this thread: the message's thread, or a new one under the message. */
  threadTs: string;
  /** Thread memory key for follow-ups. */
  conversationId: string;
  /** Any one of these seen before means the event is a repeat. */
  dedupeKeys: string[];
  /** The channel is shared with another organisation, or the sender belongs to one. */
  external: boolean;
}

/**
 * Which events are questions. Not: anything from a bot (this one or another), message
 * subtypes (edits, deletions, joins, bot posts, file shares), and DMs seen as `message` events
 * outside a direct-message channel.
 */
export function readIncomingQuestion(event: MessageEventFields, envelope: EventEnvelope, botUserId?: string): Result<IncomingQuestion, string> {
  if (event.bot_id !== undefined || event.subtype === 'bot_message') return fail('from a bot');
  if (event.subtype !== undefined) return fail(`message subtype ${event.subtype}`);
  if (event.type === 'message' && event.channel_type !== 'im') return fail('not a direct message');
  if (!event.user || !event.channel || !event.ts) return fail('no user, channel or ts');
  if (botUserId !== undefined && event.user === botUserId) return fail('from this bot');
  const team = envelope.team_id ?? event.team ?? 'T?';
  const threadTs = event.thread_ts ?? event.ts;
  return ok({
    team,
    channel: event.channel,
    user: event.user,
    text: plainTextOf(event.text ?? '', botUserId),
    ts: event.ts,
    threadTs,
    conversationId: `slack:${team}:${event.channel}:${threadTs}`,
    // The same message can arrive as two events (app_mention and message.im); the event id
    // catches retries, the message keys catch the second event.
    dedupeKeys: [
      envelope.event_id ? `event:${envelope.event_id}` : '',
      event.client_msg_id ? `client-msg:${event.client_msg_id}` : '',
      `message:${event.channel}:${event.ts}`,
    ].filter((k) => k !== ''),
    external: envelope.is_ext_shared_channel === true || (event.user_team !== undefined && event.user_team !== team),
  });
}
