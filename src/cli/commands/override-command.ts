import { RepbotError } from '../../core/errors.js';
import { stringOption } from '../args.js';
import type { Command } from '../command.js';
import type { ScoreOverride } from '../../training/store/training-store.js';
import { problemError, terminalUser } from './training-cli.js';

/** `repbot override <attempt-id> <score> --reason "…" [--user TRAINER]`: a trainer's override, kept append-only. */
export const overrideCommand: Command<ScoreOverride> = {
  name: 'override',
  summary: "a trainer overrides an attempt's score, with a reason (kept, never edited)",
  usage: 'repbot override 12 60 --reason "the filter flagged an approved quote"',
  takesText: false,
  async run(ctx) {
    const [id, score] = ctx.parsed.positionals;
    const attemptId = Number(id);
    if (!Number.isInteger(attemptId) || score === undefined) {
      throw new RepbotError('USAGE', `Usage: ${overrideCommand.usage} (the attempt id is in \`repbot results\`).`);
    }
    const done = ctx.services.training.overrideScore({ attemptId, trainer: terminalUser(ctx), score: Number(score), reason: stringOption(ctx.parsed.values.reason) ?? '' });
    if (!done.ok) throw problemError(done.error);
    return done.value;
  },
  format: (o) => `Attempt #${o.attemptId}: ${o.previousScore} → ${o.score} by ${o.trainer} (${o.reason}).`,
};
