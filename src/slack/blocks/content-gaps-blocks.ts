import type { ContentGap, ContentGapsReport } from '../../feedback/content-gaps.js';
import { askedText } from '../../feedback/content-gaps-text.js';
import { escapeMrkdwn, fitPlainText } from './mrkdwn.js';
import type { Block } from './slack-message.js';

export interface ContentGapsBlocksOptions {
  /** Topics shown (default 10); the rest are counted. */
  limit?: number;
  /** How the period is described in the heading, e.g. "last 30 days". */
  period?: string;
}

const DEFAULT_LIMIT = 10;
const QUESTION_CHARS = 200;
const COMMENT_CHARS = 200;
const COMMENTS_SHOWN = 3;

/**
 * The "Content gaps" part of App Home for medical affairs: the most asked unanswered questions
 * and 👎 answers from the content-gaps report, one section per topic (each well inside
 * Slack's 3,000 characters), with a pointer to `repbot gaps` for the full report.
 */
export function contentGapsBlocks(report: ContentGapsReport, options: ContentGapsBlocksOptions = {}): Block[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const heading = `*Content gaps${options.period ? ` · ${escapeMrkdwn(options.period)}` : ''}*`;
  if (report.gaps.length === 0) {
    return [{ type: 'section', text: { type: 'mrkdwn', text: `${heading}\n_No unanswered questions and no 👎 answers._` } }];
  }
  const { totals } = report;
  const summary =
    `${totals.unanswered} not answered from approved material · ${totals.sentToMedicalInformation} sent to Medical Information · ` +
    `${totals.notHelpful} marked 👎 — ${totals.topics} topic${totals.topics === 1 ? '' : 's'}, most asked first.`;
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: heading } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: summary }] },
    ...report.gaps.slice(0, limit).map((gap, i): Block => ({ type: 'section', text: { type: 'mrkdwn', text: gapText(gap, i + 1) } })),
  ];
  const more = report.gaps.length - limit;
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${more > 0 ? `…and ${more} more. ` : ''}Full report: \`npx repbot gaps\` (add \`--from\`/\`--to\` for a period, \`--json\` for a file).` }],
  });
  return blocks;
}

function gapText(gap: ContentGap, n: number): string {
  const details = [askedText(gap), `last ${gap.lastAsked.slice(0, 10)}`, ...(gap.products.length > 0 ? [gap.products.join(', ')] : [])];
  const lines = [`${n}. *${escapeMrkdwn(fitPlainText(gap.question, QUESTION_CHARS))}*`, escapeMrkdwn(details.join(' · '))];
  for (const comment of gap.comments.slice(0, COMMENTS_SHOWN)) lines.push(`> _“${escapeMrkdwn(fitPlainText(comment, COMMENT_CHARS))}”_`);
  return lines.join('\n');
}
