import type { Logger, webApi } from '@slack/bolt';
import type { Language } from '../knowledge/types.js';
import { errorMessage } from './blocks/notice-messages.js';
import type { SlackMessage } from './blocks/slack-message.js';
import { reportFailure } from './failure-report.js';
import type { ReplyTarget } from './reply-target.js';

/**
 * Replies in a thread: the placeholder is posted with chat.postMessage and replaced with
 * chat.update. If the update is refused, the reply is posted as a new message in the thread
 * (and the stale placeholder removed); if that is refused too, a plain-text error with a
 * reference id is posted, since blocks are the usual reason a post is refused.
 */
export function threadTarget(client: webApi.WebClient, logger: Logger, where: { channel: string; threadTs: string; language: Language }): ReplyTarget {
  const { channel, threadTs, language } = where;
  let placeholderTs: string | null = null;

  async function post(message: SlackMessage): Promise<string | null> {
    const result = await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    return result.ts ?? null;
  }

  return {
    async start(placeholder) {
      try {
        placeholderTs = await post(placeholder);
      } catch (error) {
        reportFailure(logger, 'posting the placeholder', error, { channel });
      }
    },

    async finish(messages) {
      let firstTs: string | null = null;
      for (const [i, message] of messages.entries()) {
        if (i === 0 && placeholderTs) {
          try {
            await client.chat.update({ channel, ts: placeholderTs, text: message.text, blocks: message.blocks });
            firstTs = placeholderTs;
            continue;
          } catch (error) {
            reportFailure(logger, 'replacing the placeholder', error, { channel });
          }
        }
        try {
          const ts = await post(message);
          firstTs ??= ts;
          if (i === 0 && placeholderTs) await removeQuietly(placeholderTs);
        } catch (error) {
          const ref = reportFailure(logger, 'posting a reply', error, { channel });
          await postPlainError(ref);
          return firstTs;
        }
      }
      return firstTs;
    },
  };

  async function removeQuietly(ts: string): Promise<void> {
    try {
      await client.chat.delete({ channel, ts });
    } catch (error) {
      logger.warn(`Could not remove a stale placeholder in ${channel}: ${describeSlackError(error)}`);
    }
  }

  async function postPlainError(ref: string): Promise<void> {
    try {
      await client.chat.postMessage({ channel, thread_ts: threadTs, text: errorMessage(ref, language).text });
    } catch (error) {
      reportFailure(logger, `telling the user about failure ${ref}`, error, { channel });
    }
  }
}

function describeSlackError(error: unknown): string {
  const e = error as { data?: { error?: unknown }; message?: unknown };
  return typeof e?.data?.error === 'string' ? e.data.error : typeof e?.message === 'string' ? e.message : 'unknown error';
}
