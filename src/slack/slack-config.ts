import { z } from 'zod';
import { RepbotError } from '../core/errors.js';

export const BOT_MODES = ['socket', 'http'] as const;
export type SlackMode = (typeof BOT_MODES)[number];

/** What the bot does in channels shared with other organisations (Slack Connect). */
export const EXTERNAL_CHANNEL_POLICIES = ['refuse', 'hcp-only'] as const;
export type ExternalChannelPolicy = (typeof EXTERNAL_CHANNEL_POLICIES)[number];

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type SlackLogLevel = (typeof LOG_LEVELS)[number];

/** The Slack settings, validated. Holds secrets: log it only through `describeSlackConfig`. */
export interface SlackConfig {
  mode: SlackMode;
  botToken: string;
  /** Socket Mode only. */
  appToken: string | undefined;
  /** HTTP mode only. */
  signingSecret: string | undefined;
  /** HTTP mode: the port to listen on (0 = any free port). */
  port: number;
  /** The Web API base URL, ending in "/" (default Slack's). */
  apiUrl: string | undefined;
  pvChannel: string | undefined;
  updatesChannel: string | undefined;
  adminUsers: readonly string[];
  medicalAffairsGroup: string | undefined;
  /** User group (S…) of trainers: they start training for others and see training results in App Home. */
  trainersGroup: string | undefined;
  externalChannels: ExternalChannelPolicy;
  /** Questions per user per minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Answers computed at the same time; the rest wait their turn (their placeholder is already shown). */
  maxConcurrentAnswers: number;
  logLevel: SlackLogLevel;
}

const SETUP = 'see "Slack set-up" in README.md';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optional = (schema: z.ZodType<string>) => z.preprocess(blankToUndefined, schema.optional());

const channelId = optional(
  z.string().regex(/^[CG][A-Z0-9]{6,}$/, {
    message: `must be a channel ID such as C0123456789 (open the channel's details in Slack; the ID is at the bottom), not a channel name — ${SETUP}`,
  }),
);

const wholeNumber = (fallback: number, min: number, max: number, what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        const n = Number(v);
        if (!Number.isInteger(n) || n < min || n > max) {
          ctx.addIssue({ code: 'custom', message: `must be ${what}, got "${v}"` });
          return z.NEVER;
        }
        return n;
      }),
  );

const idList = (pattern: RegExp, example: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        const ids = (v ?? '')
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const bad = ids.filter((id) => !pattern.test(id));
        if (bad.length > 0) {
          ctx.addIssue({ code: 'custom', message: `must be a comma-separated list of member IDs such as ${example}; not IDs: ${bad.join(', ')}` });
          return z.NEVER;
        }
        return ids;
      }),
  );

const envSchema = z.object({
  SLACK_MODE: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(BOT_MODES, { message: 'must be "socket" (default, no public URL needed) or "http" (production, behind a public HTTPS URL)' }).default('socket'),
  ),
  // Token values are never echoed in messages: only what kind of value was found.
  SLACK_BOT_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string({ message: `is missing — copy the Bot User OAuth Token (xoxb-…) from "OAuth & Permissions" in your app's settings; ${SETUP}` })
      .refine((v) => /^xoxb-[A-Za-z0-9-]+$/.test(v), {
        message: `must be a bot token starting "xoxb-" (from "OAuth & Permissions"); a user token (xoxp-) or app token (xapp-) will not work — ${SETUP}`,
      }),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().refine((v) => /^xapp-[A-Za-z0-9-]+$/.test(v), {
      message: `must be an app-level token starting "xapp-" with the connections:write scope ("Basic Information" → "App-Level Tokens") — ${SETUP}`,
    }),
  ),
  SLACK_SIGNING_SECRET: optional(
    z.string().refine((v) => /^\S{16,}$/.test(v), {
      message: `must be the app's Signing Secret ("Basic Information" → "App Credentials"), at least 16 characters, no spaces — ${SETUP}`,
    }),
  ),
  PORT: wholeNumber(3000, 0, 65535, 'a port number from 1 to 65535 (0 picks any free port)'),
  SLACK_API_URL: optional(
    z.string().regex(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL such as https://slack.com/api/ (leave it unset to use Slack directly)' }),
  ),
  SLACK_PV_CHANNEL: channelId,
  SLACK_UPDATES_CHANNEL: channelId,
  SLACK_ADMIN_USERS: idList(/^[UW][A-Z0-9]{6,}$/, 'U0123ABCD,U0456EFGH (profile → ⋮ → "Copy member ID")'),
  SLACK_MEDICAL_AFFAIRS_GROUP: optional(
    z.string().regex(/^S[A-Z0-9]{6,}$/, { message: 'must be a user group ID such as S0123ABCD (the group\'s page in Slack → ⋮ → "Copy group ID"), not its @handle' }),
  ),
  SLACK_TRAINERS_GROUP: optional(
    z.string().regex(/^S[A-Z0-9]{6,}$/, { message: 'must be a user group ID such as S0123ABCD (the group\'s page in Slack → ⋮ → "Copy group ID"), not its @handle' }),
  ),
  SLACK_EXTERNAL_CHANNELS: z.preprocess(
    blankToUndefined,
    z
      .enum(EXTERNAL_CHANNEL_POLICIES, {
        message: 'must be "refuse" (default: no answers in channels shared with other organisations) or "hcp-only"',
      })
      .default('refuse'),
  ),
  SLACK_RATE_LIMIT_PER_MINUTE: wholeNumber(20, 0, 10_000, 'a whole number of questions per user per minute (0 turns the limit off)'),
  SLACK_MAX_CONCURRENT_ANSWERS: wholeNumber(4, 1, 256, 'a whole number of answers from 1 to 256 (raise it in LLM mode, where answers mostly wait on the model)'),
  SLACK_LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});

const SECRET_KEYS: ReadonlySet<string> = new Set(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']);

/**
 * Reads and validates the Slack settings. Throws CONFIG_INVALID listing every bad or missing
 * variable with its fix; secret values never appear in the message.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      problems.push(`  ${name}: ${issue.message}${shownValue(name, env[name])}`);
    }
  }
  // The mode's own requirements are reported with the rest, so one start shows everything to fix.
  const mode = parsed.success ? parsed.data.SLACK_MODE : String(env.SLACK_MODE ?? 'socket').trim().toLowerCase() || 'socket';
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  if (mode === 'socket' && !isSet('SLACK_APP_TOKEN')) {
    problems.push(
      `  SLACK_APP_TOKEN: required in Socket Mode (the default) — create an app-level token with the connections:write scope ("Basic Information" → "App-Level Tokens"), or set SLACK_MODE=http; ${SETUP}`,
    );
  }
  if (mode === 'http' && !isSet('SLACK_SIGNING_SECRET')) {
    problems.push(`  SLACK_SIGNING_SECRET: required when SLACK_MODE=http — copy the Signing Secret from "Basic Information" → "App Credentials"; ${SETUP}`);
  }
  if (problems.length > 0 || !parsed.success) throw invalid(problems);
  const e = parsed.data;
  return {
    mode: e.SLACK_MODE,
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT,
    apiUrl: e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    pvChannel: e.SLACK_PV_CHANNEL,
    updatesChannel: e.SLACK_UPDATES_CHANNEL,
    adminUsers: e.SLACK_ADMIN_USERS,
    medicalAffairsGroup: e.SLACK_MEDICAL_AFFAIRS_GROUP,
    trainersGroup: e.SLACK_TRAINERS_GROUP,
    externalChannels: e.SLACK_EXTERNAL_CHANNELS,
    rateLimitPerMinute: e.SLACK_RATE_LIMIT_PER_MINUTE,
    maxConcurrentAnswers: e.SLACK_MAX_CONCURRENT_ANSWERS,
    logLevel: e.SLACK_LOG_LEVEL,
  };
}

/** The settings as they may be logged: secrets reduced to whether they are set. */
export function describeSlackConfig(config: SlackConfig): Record<string, string | number | boolean | readonly string[]> {
  return {
    mode: config.mode,
    botToken: 'set',
    appToken: config.appToken ? 'set' : 'not set',
    signingSecret: config.signingSecret ? 'set' : 'not set',
    port: config.port,
    apiUrl: config.apiUrl ?? 'https://slack.com/api/ (default)',
    pvChannel: config.pvChannel ?? 'not set',
    updatesChannel: config.updatesChannel ?? 'not set',
    adminUsers: config.adminUsers,
    medicalAffairsGroup: config.medicalAffairsGroup ?? 'not set',
    trainersGroup: config.trainersGroup ?? 'not set',
    externalChannels: config.externalChannels,
    rateLimitPerMinute: config.rateLimitPerMinute,
    maxConcurrentAnswers: config.maxConcurrentAnswers,
  };
}

function shownValue(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '';
  if (!SECRET_KEYS.has(name)) return ` (got "${value}")`;
  const kind = /^(xox[a-z]|xapp)-/.exec(value.trim())?.[0];
  return kind ? ` (got a "${kind}…" value)` : ' (got a value of another form)';
}

function invalid(problems: readonly string[]): RepbotError {
  return new RepbotError('CONFIG_INVALID', `Invalid Slack configuration:\n${problems.join('\n')}`, {
    hint: 'Fix these in your .env file or environment (see .env.example), then start again.',
  });
}
