import path from 'node:path';
import { z } from 'zod';
import { RepbotError } from '../core/errors.js';

/**
 * Every setting repbot reads from the environment, validated once at start-up.
 * `.env.example` lists the same names; a test keeps the two in step.
 */
const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = optionalString.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
  message: 'must be an http(s) URL such as http://localhost:11434',
});

export const EMBEDDING_PROVIDERS = ['local', 'openai', 'ollama', 'openai-compatible'] as const;

const envSchema = z.object({
  KNOWLEDGE_DIR: optionalString,
  REPBOT_DATA_DIR: optionalString,
  REPBOT_EMBEDDINGS: z
    .enum(EMBEDDING_PROVIDERS, { message: `must be one of ${EMBEDDING_PROVIDERS.join(', ')}` })
    .optional()
    .default('local'),
  REPBOT_EMBEDDINGS_MODEL: optionalString,
  REPBOT_EMBEDDINGS_BASE_URL: optionalUrl,
  REPBOT_EMBEDDINGS_API_KEY: optionalString,
  OPENAI_API_KEY: optionalString,
  OLLAMA_BASE_URL: optionalUrl,
  REPBOT_MAX_FILE_MB: positiveInt(25),
  REPBOT_SEARCH_EF: positiveInt(64),
  REPBOT_TOP_K: positiveInt(5),
  REPBOT_TRAINING_SESSION_HOURS: positiveInt(24),
});

export interface EmbeddingConfig {
  provider: (typeof EMBEDDING_PROVIDERS)[number];
  model: string | undefined;
  baseUrl: string | undefined;
  apiKey: string | undefined;
}

export interface RepbotConfig {
  knowledgeDir: string;
  dataDir: string;
  embeddings: EmbeddingConfig;
  maxFileBytes: number;
  searchEf: number;
  topK: number;
  /** Hours without activity after which a quiz or role-play expires. */
  trainingSessionHours: number;
}

export interface ConfigOverrides {
  knowledgeDir?: string;
  dataDir?: string;
}

/** Reads and validates the environment. Throws CONFIG_INVALID naming each bad variable and its fix. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
  cwd: string = process.cwd(),
): RepbotConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `  ${name}: ${issue.message} (got "${env[name] ?? ''}") — fix it in your .env file or environment; see .env.example`;
    });
    throw new RepbotError('CONFIG_INVALID', `Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embeddings: EmbeddingConfig = {
    provider: e.REPBOT_EMBEDDINGS,
    model: e.REPBOT_EMBEDDINGS_MODEL,
    baseUrl: e.REPBOT_EMBEDDINGS_BASE_URL ?? (e.REPBOT_EMBEDDINGS === 'ollama' ? e.OLLAMA_BASE_URL : undefined),
    apiKey: e.REPBOT_EMBEDDINGS_API_KEY ?? (e.REPBOT_EMBEDDINGS === 'openai' ? e.OPENAI_API_KEY : undefined),
  };
  checkEmbeddingConfig(embeddings);
  return {
    knowledgeDir: path.resolve(cwd, overrides.knowledgeDir ?? e.KNOWLEDGE_DIR ?? 'knowledge'),
    dataDir: path.resolve(cwd, overrides.dataDir ?? e.REPBOT_DATA_DIR ?? '.repbot'),
    embeddings,
    maxFileBytes: e.REPBOT_MAX_FILE_MB * 1024 * 1024,
    searchEf: e.REPBOT_SEARCH_EF,
    topK: e.REPBOT_TOP_K,
    trainingSessionHours: e.REPBOT_TRAINING_SESSION_HOURS,
  };
}

function checkEmbeddingConfig(c: EmbeddingConfig): void {
  const problems: string[] = [];
  if (c.provider === 'openai' && !c.apiKey) {
    problems.push('  OPENAI_API_KEY: required when REPBOT_EMBEDDINGS=openai — set it, or use REPBOT_EMBEDDINGS=local (offline)');
  }
  if (c.provider === 'openai-compatible' && !c.baseUrl) {
    problems.push(
      '  REPBOT_EMBEDDINGS_BASE_URL: required when REPBOT_EMBEDDINGS=openai-compatible — set it to the server, e.g. http://localhost:8000/v1',
    );
  }
  if (c.provider !== 'local' && !c.model) {
    problems.push(
      `  REPBOT_EMBEDDINGS_MODEL: required when REPBOT_EMBEDDINGS=${c.provider} — name the embedding model, e.g. text-embedding-3-small or nomic-embed-text`,
    );
  }
  if (problems.length > 0) throw new RepbotError('CONFIG_INVALID', `Invalid configuration:\n${problems.join('\n')}`);
}
