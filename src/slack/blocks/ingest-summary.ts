import type { IngestReport } from '../../knowledge/ingest.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { SlackMessage } from './slack-message.js';
import { STATUS_LIST_MAX } from './status-blocks.js';
import { formattedSections } from './text-sections.js';

/** Who started a re-index: a user (`/repbot reindex`, App Home) or the knowledge-folder watcher. */
export type IngestTrigger = { user: string } | { changedFiles: readonly string[] };

/** "Knowledge re-indexed: 2 added, 1 updated, 1 not indexed: missing approval code in …" */
export function buildIngestSummary(report: Pick<IngestReport, 'added' | 'updated' | 'removed' | 'unchanged' | 'skipped' | 'chunks' | 'ms'>, trigger?: IngestTrigger): SlackMessage {
  const counts = [
    `${report.added} added`,
    `${report.updated} updated`,
    `${report.removed} removed`,
    `${report.unchanged} unchanged`,
    `${report.skipped.length} not indexed`,
  ].join(', ');
  const headline = `Knowledge re-indexed in ${(report.ms / 1000).toFixed(1)} s: ${counts}.`;
  const by = !trigger
    ? ''
    : 'user' in trigger
      ? ` Requested by <@${trigger.user}>.`
      : ` After changes to ${trigger.changedFiles.length === 1 ? `\`${escapeMrkdwn(trigger.changedFiles[0] ?? '')}\`` : `${trigger.changedFiles.length} files`} in the knowledge folder.`;
  const shown = report.skipped.slice(0, STATUS_LIST_MAX).map((s) => `• \`${escapeMrkdwn(s.file)}\`: ${escapeMrkdwn(s.reason)}`);
  const more = report.skipped.length - shown.length;
  const list = [...shown, ...(more > 0 ? [`…and ${more} more: run \`npx repbot status\` for the full list.`] : [])].join('\n');
  return {
    text: headline,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `🔄 *${headline}*${by}` } },
      ...(shown.length > 0 ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*Not indexed*' } }, ...formattedSections(list)] : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${report.chunks} passages in the index.` }] },
    ],
  };
}
