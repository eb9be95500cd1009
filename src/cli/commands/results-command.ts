import { stringOption } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import type { AttemptRecord } from '../../training/store/training-store.js';

export interface ResultsOutput {
  attempts: AttemptRecord[];
  /** The CSV export, with `--csv`. */
  csv: string | null;
}

/**
 * `repbot results [--from DATE] [--to DATE] [--user U] [--product P] [--csv | --json]`: trainer
 * results (quiz and role-play attempts, scores per rubric line, overrides).
 */
export const resultsCommand: Command<ResultsOutput> = {
  name: 'results',
  summary: 'training results: attempts, scores per rubric line, overrides (--csv for a spreadsheet)',
  usage: 'repbot results --from 2026-01-01 --to 2026-01-31 --csv > results.csv',
  takesText: false,
  async run(ctx: CommandContext) {
    const query = {
      from: stringOption(ctx.parsed.values.from),
      to: stringOption(ctx.parsed.values.to),
      user: stringOption(ctx.parsed.values.user),
      product: stringOption(ctx.parsed.values.product),
    };
    const attempts = ctx.services.training.results(query);
    return { attempts, csv: ctx.parsed.values.csv === true ? ctx.services.training.resultsCsv(query) : null };
  },
  format(out) {
    if (out.csv !== null) return out.csv.trimEnd();
    if (out.attempts.length === 0) return 'No training attempts in this period.';
    const rows = out.attempts.map((a) => {
      const score = a.override ? `${a.override.score} (was ${a.score}, ${a.override.trainer}: ${a.override.reason})` : String(a.score);
      const what = a.kind === 'roleplay' ? `role-play ${a.persona ?? ''}/${a.category ?? ''}` : 'quiz';
      return `#${a.id}  ${a.at.slice(0, 16).replace('T', ' ')}  ${a.user}  ${a.product}  ${what}  ${score}  ${a.outcome}`;
    });
    return [`${out.attempts.length} attempt(s):`, ...rows].join('\n');
  },
};
