import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { describeError } from '../core/errors.js';
import { type Result, fail, ok } from '../core/result.js';
import { ACTIONS, CATEGORIES, SEVERITIES } from './types.js';
import { formatIssues } from './zod-issues.js';

/** File name of the company override file inside the knowledge folder. */
export const OVERRIDES_FILE = 'compliance-overrides.yaml';

const names = z.array(z.string().min(1)).default([]);

export const overridesSchema = z.strictObject({
  /** Extra names per product slug (merged with product.yaml). */
  products: z.record(z.string(), z.strictObject({ aliases: names, competitors: names })).default({}),
  /** Competitors of every product. */
  competitors: names,
  /** Company-specific phrases that must never be said. */
  bannedPhrases: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/).optional(),
        phrases: z.array(z.string().min(1)).min(1),
        lang: z.enum(['en', 'zh', 'any']).default('any'),
        category: z.enum(CATEGORIES).default('efficacy-overstatement'),
        severity: z.enum(SEVERITIES).default('violation'),
        action: z.enum(ACTIONS).default('remove'),
        message: z.strictObject({ en: z.string().min(1), zh: z.string().min(1) }).optional(),
        reason: z.string().optional(),
      }),
    )
    .default([]),
  /** MLR-approved claims that may be said verbatim (they pass the content rules, never PII or safety routing). */
  approvedClaims: z
    .array(z.strictObject({ text: z.string().min(1), approvalCode: z.string().min(1), product: z.string().optional() }))
    .default([]),
  /** Rules switched off by compliance, each with the reason on record. */
  disabledRules: z.array(z.strictObject({ id: z.string().min(1), reason: z.string().min(3) })).default([]),
});

export type ComplianceOverrides = z.infer<typeof overridesSchema>;

export const EMPTY_OVERRIDES: ComplianceOverrides = overridesSchema.parse({});

export function parseOverrides(raw: unknown, file: string): Result<ComplianceOverrides, string> {
  const parsed = overridesSchema.safeParse(raw ?? {});
  if (!parsed.success) return fail(`${file}: ${formatIssues(parsed.error.issues)}`);
  return ok(parsed.data);
}

/** Reads the override file; a missing file means no overrides. */
export function loadOverrides(file: string): Result<ComplianceOverrides, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(EMPTY_OVERRIDES);
    return fail(`${file}: cannot read (${describeError(error)})`);
  }
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    return fail(`${file}: not valid YAML (${describeError(error)}) — fix the syntax`);
  }
  return parseOverrides(raw, file);
}
