import type { ContentGapsReport } from '../../feedback/content-gaps.js';
import { formatContentGaps } from '../../feedback/content-gaps-text.js';
import { loadContentGaps } from '../../feedback/load-content-gaps.js';
import { stringOption } from '../args.js';
import type { Command } from '../command.js';

/**
 * `repbot gaps`: for medical affairs, the questions the approved material did not answer and
 * the answers reps marked 👎, grouped by topic and most asked first.
 */
export const gapsCommand: Command<ContentGapsReport> = {
  name: 'gaps',
  summary: 'content gaps for medical affairs: unanswered questions and 👎 answers, grouped by topic, most asked first',
  usage: 'repbot gaps [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
  takesText: false,
  run: (ctx) => loadContentGaps(ctx.services.feedback, { from: stringOption(ctx.parsed.values.from), to: stringOption(ctx.parsed.values.to) }),
  format: formatContentGaps,
};
