import type { SlackMessage } from './blocks/slack-message.js';

/**
 * Where a reply goes: a thread (mentions, DMs) or a slash command's response URL. A target
 * shows a placeholder at once and replaces it with the reply, and makes sure the user gets a
 * message even when Slack refuses the first attempt.
 */
export interface ReplyTarget {
  start(placeholder: SlackMessage): Promise<void>;
  /** Returns the ts of the first reply message, when it has one (response URLs do not). */
  finish(messages: readonly SlackMessage[]): Promise<string | null>;
}
