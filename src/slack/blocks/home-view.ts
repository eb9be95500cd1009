import type { StatusReport } from '../../services/status.js';
import { type ContentGapsReport, buildContentGaps } from '../../feedback/content-gaps.js';
import { contentGapsBlocks } from './content-gaps-blocks.js';
import type { Block, HomeView } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { statusBlocks } from './status-blocks.js';
import type { TrainerSummary } from '../../training/training-types.js';
import { trainerSummaryBlocks } from './trainer-summary-blocks.js';

export const HOME_REINDEX_ACTION = 'repbot_home_reindex';

export interface HomeViewInput {
  status: StatusReport;
  /** Members of the medical-affairs group (or listed admins) see admin actions and content gaps. */
  admin: boolean;
  /** Unanswered questions and 👎 answers, most asked first (admins only). */
  contentGaps?: ContentGapsReport;
  /** How the content-gaps period is described ("last 30 days"). */
  contentGapsPeriod?: string;
  /** Training results (trainers only: SLACK_TRAINERS_GROUP). */
  training?: TrainerSummary;
  /** How the training period is described ("Last 30 days"). */
  trainingPeriod?: string;
}

/** The App Home tab: knowledge status for everyone, re-index and content gaps for admins. */
export function buildHomeView(input: HomeViewInput): HomeView {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'repbot · approved knowledge', emoji: true } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'I answer from approved, unexpired materials only, and every answer passes a compliance check. Mention me in a channel, message me here, or type `/repbot help`.',
        },
      ],
    },
    { type: 'divider' },
    ...statusBlocks(input.status),
  ];
  if (input.admin) blocks.push(...adminBlocks(input));
  if (input.training) blocks.push(...trainerSummaryBlocks(input.training, input.trainingPeriod ?? 'All time'));
  if (blocks.length > BLOCK_KIT_LIMITS.blocksPerHomeView) {
    // statusBlocks bounds its lists, so this only guards against future growth: say so rather than fail.
    blocks.splice(BLOCK_KIT_LIMITS.blocksPerHomeView - 1);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'More status than fits here: run `npx repbot status` for the full report.' }] });
  }
  return { type: 'home', blocks };
}

const GAPS_SHOWN = 10;

function adminBlocks(input: HomeViewInput): Block[] {
  const gaps = input.contentGaps ?? buildContentGaps({ unanswered: [], feedback: [] });
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Medical affairs', emoji: true } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HOME_REINDEX_ACTION,
          style: 'primary',
          text: { type: 'plain_text', text: 'Re-index now' },
          confirm: {
            title: { type: 'plain_text', text: 'Re-index knowledge?' },
            text: { type: 'mrkdwn', text: 'Reads the knowledge folder again. Answers keep using the current index until the new one is ready.' },
            confirm: { type: 'plain_text', text: 'Re-index' },
            deny: { type: 'plain_text', text: 'Cancel' },
          },
        },
      ],
    },
    { type: 'divider' },
    ...contentGapsBlocks(gaps, { limit: GAPS_SHOWN, ...(input.contentGapsPeriod ? { period: input.contentGapsPeriod } : {}) }),
  ];
}
