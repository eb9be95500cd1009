import type { webApi } from '@slack/bolt';
import { buildIngestSummary } from './blocks/ingest-summary.js';
import { errorMessage, plainNotice } from './blocks/notice-messages.js';
import type { SlackMessage } from './blocks/slack-message.js';
import { reportFailure } from './failure-report.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * `/repbot reindex` and the App Home button: admins only. The summary goes to the caller and,
 * when configured, to the updates channel (once per re-index, even if several asked).
 */
export async function reindexFor(deps: SlackDeps, client: webApi.WebClient, user: string, reply: (message: SlackMessage) => Promise<void>): Promise<void> {
  try {
    if (!deps.admins.configured) {
      await reply(
        plainNotice('Re-indexing is for medical affairs, and no admins are configured yet: ask your repbot admin to set SLACK_ADMIN_USERS or SLACK_MEDICAL_AFFAIRS_GROUP.'),
      );
      return;
    }
    if (!(await deps.admins.isAdmin(user, client))) {
      await reply(plainNotice('Only medical affairs can re-index the knowledge folder. Ask a member of the medical-affairs group.'));
      return;
    }
    const { report, started } = await deps.reindexer.run();
    const summary = buildIngestSummary(report, { user });
    await reply(summary);
    const channel = deps.config.updatesChannel;
    if (started && channel) {
      try {
        await client.chat.postMessage({ channel, text: summary.text, blocks: summary.blocks });
      } catch (error) {
        reportFailure(deps.logger, 'posting the re-index summary to the updates channel', error, { channel });
      }
    }
  } catch (error) {
    const ref = reportFailure(deps.logger, 're-indexing', error, { user });
    await reply(errorMessage(ref, 'en')).catch((again: unknown) => reportFailure(deps.logger, `telling the user about failure ${ref}`, again));
  }
}

/**
 * The knowledge-folder watcher's re-index: answers keep using the current index until the new
 * one is swapped in; the summary goes to the updates channel when something changed.
 */
export async function reindexAfterChanges(deps: SlackDeps, client: webApi.WebClient, files: readonly string[]): Promise<void> {
  const { report, started } = await deps.reindexer.run();
  const summary = buildIngestSummary(report, { changedFiles: files });
  deps.logger.info(summary.text);
  const changed = report.added + report.updated + report.removed > 0;
  const channel = deps.config.updatesChannel;
  if (!started || !changed || !channel) return;
  try {
    await client.chat.postMessage({ channel, text: summary.text, blocks: summary.blocks });
  } catch (error) {
    reportFailure(deps.logger, 'posting the re-index summary to the updates channel', error, { channel });
  }
}
