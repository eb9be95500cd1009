import path from 'node:path';
import { type Result, fail, ok } from '../core/result.js';
import { type ComplianceOverrides, OVERRIDES_FILE, loadOverrides } from './overrides.js';
import { DEFAULT_PACK_DIR, loadRulePacks } from './rule-packs.js';
import type { RulePack } from './rule-schema.js';

export interface ComplianceConfig {
  packs: RulePack[];
  overrides: ComplianceOverrides;
}

/**
 * The shipped rule packs plus the company override file in the knowledge folder. Every broken
 * file is reported by name; the filter is never built from a partial rule set.
 */
export function loadComplianceConfig(options: { knowledgeDir: string; packDir?: string }): Result<ComplianceConfig, string[]> {
  const packs = loadRulePacks(options.packDir ?? DEFAULT_PACK_DIR);
  const overrides = loadOverrides(path.join(options.knowledgeDir, OVERRIDES_FILE));
  const errors = [...(packs.ok ? [] : packs.error), ...(overrides.ok ? [] : [overrides.error])];
  if (!packs.ok || !overrides.ok) return fail(errors);
  const known = new Set(packs.value.flatMap((p) => p.rules.map((r) => r.id)));
  const unknown = overrides.value.disabledRules.filter((r) => !known.has(r.id)).map((r) => r.id);
  if (unknown.length > 0) {
    return fail([`${path.join(options.knowledgeDir, OVERRIDES_FILE)}: disabledRules names unknown rule ids: ${unknown.join(', ')}`]);
  }
  return ok({ packs: packs.value, overrides: overrides.value });
}
