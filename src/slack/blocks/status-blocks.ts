import type { StatusReport } from '../../services/status.js';
import type { SkipKind } from '../../knowledge/types.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { Block, SlackMessage } from './slack-message.js';
import { formattedSections } from './text-sections.js';

/** Lists longer than this end with "…and N more" and point to `repbot status` for the rest. */
export const STATUS_LIST_MAX = 15;

const COUNT_LABELS: Record<'indexed' | SkipKind, string> = {
  indexed: 'indexed',
  draft: 'draft',
  withdrawn: 'withdrawn',
  expired: 'expired',
  'no-approval': 'no approval code',
  invalid: 'invalid',
};

/**
 * The knowledge status (App Home and `/repbot status`): last re-index, documents per product,
 * what expires soon, what expired since the last re-index, and every file not indexed with
 * the reason. Internal operational text for reps and medical affairs; it states nothing about
 * a product.
 */
export function statusBlocks(report: StatusReport): Block[] {
  const blocks: Block[] = [];
  const index = report.index;
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: index
        ? `*Last re-index:* ${index.lastIngestAt ? formatTime(index.lastIngestAt) : 'unknown'} · ${index.documents} documents · ${index.chunks} passages`
        : '*Not indexed yet.* The first question indexes the knowledge folder, or an admin can run `/repbot reindex`.',
    },
  });

  const products = report.products.map((p) => {
    const counts = (Object.keys(COUNT_LABELS) as Array<keyof typeof COUNT_LABELS>)
      .filter((k) => k === 'indexed' || p.byStatus[k] > 0)
      .map((k) => `${p.byStatus[k]} ${COUNT_LABELS[k]}`);
    return `• *${escapeMrkdwn(p.name)}*: ${counts.join(' · ')}`;
  });
  blocks.push(...listSections('Documents per product', products, 'No products found in the knowledge folder.'));

  const expiring = report.expiringSoon.map(
    (e) => `• ${escapeMrkdwn(e.title)} \`${escapeMrkdwn(e.approvalCode)}\`: expires ${e.expiresOn} (${e.daysLeft === 0 ? 'today' : e.daysLeft === 1 ? 'in 1 day' : `in ${e.daysLeft} days`})`,
  );
  blocks.push(...listSections(`Expiring within ${report.expiringWithinDays} days`, expiring, `Nothing expires within ${report.expiringWithinDays} days.`));

  if (report.expiredSinceIngest.length > 0) {
    const expired = report.expiredSinceIngest.map((e) => `• ${escapeMrkdwn(e.title)} \`${escapeMrkdwn(e.approvalCode)}\`: expired ${e.expiresOn}, no longer cited`);
    blocks.push(...listSections('Expired since the last re-index', expired, ''));
  }

  const skipped = report.skipped.map((s) => `• \`${escapeMrkdwn(s.file)}\`: ${escapeMrkdwn(s.reason)}`);
  blocks.push(...listSections('Files not indexed', skipped, 'Every file in the knowledge folder is indexed.'));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Embedding model: ${escapeMrkdwn(report.embeddingModel)}` }] });
  return blocks;
}

/** `/repbot status`: the same report as App Home, as a message. */
export function buildStatusMessage(report: StatusReport): SlackMessage {
  return { text: 'repbot knowledge status', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Knowledge status' } }, ...statusBlocks(report)] };
}

function listSections(title: string, lines: readonly string[], empty: string): Block[] {
  const shown = lines.slice(0, STATUS_LIST_MAX);
  const more = lines.length - shown.length;
  const tail = more > 0 ? [`…and ${more} more: run \`npx repbot status\` for the full list.`] : [];
  const text = lines.length === 0 ? `_${empty}_` : [...shown, ...tail].join('\n');
  return [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }, ...formattedSections(text)];
}

function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}
