import { inspect } from 'node:util';
import { LogLevel, type Logger } from '@slack/bolt';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

// Each keeps its prefix ("xoxb-") so a log still says which kind of credential was involved.
const TOKEN_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(xox[a-z]-|xapp-)[A-Za-z0-9-]+/g, '$1[redacted]'],
  [/\b(Bearer|Basic) +(?!\[redacted\])[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
];

/** Removes Slack tokens, bearer credentials and the given secrets from a log line. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of TOKEN_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export interface SlackLoggerOptions {
  level?: LogLevel;
  /** Where lines go (default: stderr). */
  sink?: (line: string) => void;
  /** Values that must never be written (the bot token, app token and signing secret). */
  secrets?: readonly string[];
  name?: string;
}

/**
 * The logger Bolt and the listeners share. Every line is redacted before it is written, so a
 * token inside an error, a request dump or a stack trace never reaches the log.
 */
export function createSlackLogger(options: SlackLoggerOptions = {}): Logger {
  let level = options.level ?? LogLevel.INFO;
  let name = options.name ?? 'repbot:slack';
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  const write = (at: LogLevel, parts: unknown[]) => {
    if (ORDER[at] < ORDER[level]) return;
    const text = parts.map((p) => (typeof p === 'string' ? p : inspect(p, { depth: 4, breakLength: Infinity }))).join(' ');
    sink(redactSecrets(`${new Date().toISOString()} ${at.toUpperCase()} ${name} ${text}`, secrets));
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
