import readline from 'node:readline';
import { RepbotError } from '../../core/errors.js';
import type { Language } from '../../knowledge/types.js';
import type { TrainingProblem } from '../../training/training-problem.js';
import { choiceOption, stringOption } from '../args.js';
import type { CommandContext } from '../command.js';
import { cliUser } from '../cli-user.js';

export interface TerminalStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export const defaultStreams = (): TerminalStreams => ({ input: process.stdin, output: process.stdout });

/** `--lang en|zh` (default en). */
export function trainingLanguage(ctx: CommandContext): Language {
  return choiceOption(ctx.parsed.values.lang, 'lang', ['en', 'zh'] as const, 'en');
}

/** Who is training at the terminal: `--user`, or the login name (as the audit log records it). */
export function terminalUser(ctx: CommandContext): string {
  return stringOption(ctx.parsed.values.user) ?? cliUser(ctx.env);
}

/** A training problem as a CLI error (exit 1 with the message; 2 for usage mistakes). */
export function problemError(p: TrainingProblem): RepbotError {
  const usage = p.code === 'PRODUCT_UNKNOWN' || p.code === 'PERSONA_UNKNOWN' || p.code === 'INVALID_SCORE' || p.code === 'REASON_NEEDED';
  return new RepbotError(usage ? 'USAGE' : 'INPUT_INVALID', p.message);
}

/** Reads lines one at a time from the terminal; null at the end of input. */
export function lineReader(streams: TerminalStreams): { next(prompt: string): Promise<string | null>; close(): void } {
  const rl = readline.createInterface({ input: streams.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async next(prompt) {
      streams.output.write(prompt);
      const r = await lines.next();
      return r.done ? null : String(r.value);
    },
    close: () => rl.close(),
  };
}
