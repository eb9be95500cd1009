import { FEEDBACK_EXPORT_FORMATS, type FeedbackExportFormat, feedbackCsv, feedbackJsonl } from '../../feedback/feedback-export.js';
import { FEEDBACK_RATINGS, type FeedbackRating, type FeedbackRecord } from '../../feedback/feedback-record.js';
import { choiceOption, stringOption } from '../args.js';
import type { Command } from '../command.js';

export interface FeedbackExport {
  from: string | null;
  to: string | null;
  rating: FeedbackRating | null;
  format: FeedbackExportFormat;
  count: number;
  /** Oldest first. */
  records: FeedbackRecord[];
}

/** `repbot feedback`: the 👍/👎 recorded in Slack, with comments and audit record ids, as CSV or JSON lines. */
export const feedbackCommand: Command<FeedbackExport> = {
  name: 'feedback',
  summary: 'export 👍/👎 feedback from Slack (with "what was wrong" comments and audit record ids) as CSV or JSON lines',
  usage: 'repbot feedback [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--rating up|down] [--format csv|jsonl] [--json]',
  takesText: false,
  async run(ctx) {
    const from = stringOption(ctx.parsed.values.from);
    const to = stringOption(ctx.parsed.values.to);
    const rating = choiceOption(ctx.parsed.values.rating, 'rating', FEEDBACK_RATINGS) ?? null;
    const format = choiceOption(ctx.parsed.values.format, 'format', FEEDBACK_EXPORT_FORMATS, 'csv');
    const records = await ctx.services.feedback.list({ from, to, ...(rating ? { rating } : {}) });
    if (records.length === 0) ctx.stderr.write('No feedback recorded for this selection yet.\n');
    return { from: from ?? null, to: to ?? null, rating, format, count: records.length, records };
  },
  format(result) {
    const text = result.format === 'jsonl' ? feedbackJsonl(result.records) : feedbackCsv(result.records);
    // main() ends the output with a newline.
    return text.replace(/\r?\n$/, '');
  },
};
