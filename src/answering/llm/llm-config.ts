import { z } from 'zod';
import { RepbotError } from '../../core/errors.js';

export const CHAT_PROVIDERS = ['none', 'openai', 'ollama', 'openai-compatible', 'anthropic'] as const;
export type LlmProvider = (typeof CHAT_PROVIDERS)[number];

/** LLM mode for answers. `none` (the default) is the offline extractive mode. */
export interface LlmConfig {
  provider: LlmProvider;
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
  /** The model gets this long before the extractive answer is used instead. */
  timeoutMs: number;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

const schema = z.object({
  REPBOT_LLM: z
    .string()
    .optional()
    .transform((v) => blank(v) ?? 'none')
    .pipe(z.enum(CHAT_PROVIDERS, { message: `must be one of ${CHAT_PROVIDERS.join(', ')}` })),
  REPBOT_LLM_MODEL: z.string().optional().transform(blank),
  REPBOT_LLM_BASE_URL: z
    .string()
    .optional()
    .transform(blank)
    .refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: 'must be an http(s) URL such as http://localhost:11434' }),
  REPBOT_LLM_API_KEY: z.string().optional().transform(blank),
  OPENAI_API_KEY: z.string().optional().transform(blank),
  ANTHROPIC_API_KEY: z.string().optional().transform(blank),
  OLLAMA_BASE_URL: z.string().optional().transform(blank),
  REPBOT_LLM_TIMEOUT_MS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (blank(v) === undefined) return 20_000;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive whole number of milliseconds, got "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
});

/**
 * Reads the LLM settings (REPBOT_LLM, REPBOT_LLM_MODEL, REPBOT_LLM_BASE_URL, REPBOT_LLM_API_KEY,
 * REPBOT_LLM_TIMEOUT_MS, and the providers' usual OPENAI_API_KEY / ANTHROPIC_API_KEY /
 * OLLAMA_BASE_URL). Throws CONFIG_INVALID naming each bad variable and its fix.
 */
export function loadLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message} — fix it in your .env file or environment`);
    throw new RepbotError('CONFIG_INVALID', `Invalid LLM configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const provider = e.REPBOT_LLM;
  const config: LlmConfig = {
    provider,
    model: e.REPBOT_LLM_MODEL,
    baseUrl: e.REPBOT_LLM_BASE_URL ?? (provider === 'ollama' ? (e.OLLAMA_BASE_URL ?? 'http://localhost:11434') : undefined),
    apiKey: e.REPBOT_LLM_API_KEY ?? (provider === 'openai' ? e.OPENAI_API_KEY : provider === 'anthropic' ? e.ANTHROPIC_API_KEY : undefined),
    timeoutMs: e.REPBOT_LLM_TIMEOUT_MS,
  };
  const problems: string[] = [];
  if (provider !== 'none' && !config.model) problems.push(`  REPBOT_LLM_MODEL: required when REPBOT_LLM=${provider} — name the chat model, e.g. gpt-4o-mini or llama3.1`);
  if (provider === 'openai' && !config.apiKey) problems.push('  OPENAI_API_KEY: required when REPBOT_LLM=openai — or use REPBOT_LLM=none (offline)');
  if (provider === 'anthropic' && !config.apiKey) problems.push('  ANTHROPIC_API_KEY: required when REPBOT_LLM=anthropic — or use REPBOT_LLM=none (offline)');
  if (provider === 'openai-compatible' && !config.baseUrl) {
    problems.push('  REPBOT_LLM_BASE_URL: required when REPBOT_LLM=openai-compatible — the server, e.g. http://localhost:8000/v1');
  }
  if (problems.length > 0) throw new RepbotError('CONFIG_INVALID', `Invalid LLM configuration:\n${problems.join('\n')}`);
  return config;
}
