import type { Logger, RespondFn } from '@slack/bolt';
import type { Language } from '../knowledge/types.js';
import { errorMessage } from './blocks/notice-messages.js';
import { reportFailure } from './failure-report.js';
import type { ReplyTarget } from './reply-target.js';

/**
 * Replies to a slash command through its response URL, visible only to the user (the command
 * may come from a channel the bot is not in). The placeholder was the command's `ack`, and
 * the first reply replaces it.
 */
export function responseUrlTarget(respond: RespondFn, logger: Logger, where: { channel: string; language: Language }): ReplyTarget {
  return {
    async start() {},
    async finish(messages) {
      for (const [i, message] of messages.entries()) {
        try {
          await respond({ response_type: 'ephemeral', replace_original: i === 0, text: message.text, blocks: message.blocks });
        } catch (error) {
          const ref = reportFailure(logger, 'responding to /repbot', error, { channel: where.channel });
          try {
            await respond({ response_type: 'ephemeral', replace_original: false, text: errorMessage(ref, where.language).text });
          } catch (again) {
            reportFailure(logger, `telling the user about failure ${ref}`, again, { channel: where.channel });
          }
          return null;
        }
      }
      return null;
    },
  };
}
