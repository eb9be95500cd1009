export const SUBCOMMANDS = ['ask', 'objection', 'status', 'reindex', 'quiz', 'roleplay', 'override', 'help'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export type ParsedCommand = { sub: Subcommand; rest: string } | { sub: 'unknown'; word: string };

/** "/repbot ask max dose?" → `{ sub: 'ask', rest: 'max dose?' }`. Nothing at all means help. */
export function parseRepbotCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  if (trimmed === '') return { sub: 'help', rest: '' };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const word = (match?.[1] ?? '').toLowerCase();
  const rest = (match?.[2] ?? '').trim();
  const sub = SUBCOMMANDS.find((s) => s === word);
  return sub ? { sub, rest } : { sub: 'unknown', word: match?.[1] ?? trimmed };
}
