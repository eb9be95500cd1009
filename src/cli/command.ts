import type { Services } from '../services/services.js';
import type { ParsedCommand } from './args.js';

export interface CommandContext {
  services: Services;
  parsed: ParsedCommand;
  stderr: NodeJS.WritableStream;
  interactive: boolean;
  /** The process environment (commands such as `start` read their own settings from it). */
  env: NodeJS.ProcessEnv;
}

/**
 * A CLI command: `run` computes the result (what `--json` prints), `format` renders it for a
 * person. Commands that take a text (`search`, `ask`, …) also work with `--batch`.
 */
export interface Command<R = unknown> {
  name: string;
  summary: string;
  usage: string;
  takesText: boolean;
  run(ctx: CommandContext, text: string | undefined): Promise<R>;
  format(result: R): string;
}
