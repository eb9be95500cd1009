import { parseArgs } from 'node:util';
import { RepbotError } from '../core/errors.js';

export interface GlobalOptions {
  knowledge?: string;
  data?: string;
  json: boolean;
  batch?: string;
}

export interface ParsedCommand {
  command: string;
  positionals: string[];
  global: GlobalOptions;
  values: Record<string, string | boolean | undefined>;
}

const OPTIONS = {
  knowledge: { type: 'string' },
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  batch: { type: 'string' },
  k: { type: 'string', short: 'k' },
  product: { type: 'string' },
  rebuild: { type: 'boolean', default: false },
  // feedback, gaps (and other reports over a period)
  from: { type: 'string' },
  to: { type: 'string' },
  rating: { type: 'string' },
  format: { type: 'string' },
  // check, audit
  lang: { type: 'string' },
  user: { type: 'string' },
  verdict: { type: 'string' },
  kind: { type: 'string' },
  out: { type: 'string' },
  verify: { type: 'boolean', default: false },
  // quiz, roleplay, results, override (training)
  n: { type: 'string', short: 'n' },
  persona: { type: 'string' },
  csv: { type: 'boolean', default: false },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export function parseCommandLine(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new RepbotError('USAGE', `${(error as Error).message}. Run \`repbot --help\` for the list of options.`);
  }
  const [command = parsed.values.help ? 'help' : parsed.values.version ? 'version' : 'help', ...positionals] =
    parsed.positionals;
  const { knowledge, data, json, batch, ...values } = parsed.values;
  return { command, positionals, global: { knowledge, data, json: json ?? false, batch }, values };
}

export function positiveIntOption(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined || value === false) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 100) {
    throw new RepbotError('USAGE', `--${name} must be a whole number from 1 to 100, got "${String(value)}".`);
  }
  return n;
}

export function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A string option that must be one of `choices`; `fallback` when absent. */
export function choiceOption<T extends string>(value: string | boolean | undefined, name: string, choices: readonly T[], fallback: T): T;
export function choiceOption<T extends string>(value: string | boolean | undefined, name: string, choices: readonly T[]): T | undefined;
export function choiceOption<T extends string>(value: string | boolean | undefined, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const given = stringOption(value);
  if (given === undefined) return fallback;
  if ((choices as readonly string[]).includes(given)) return given as T;
  throw new RepbotError('USAGE', `--${name} must be ${choices.map((c) => `"${c}"`).join(' or ')}, got "${given}".`);
}
