import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describeError } from '../core/errors.js';
import { dataDir } from '../core/paths.js';
import { type Result, fail, ok } from '../core/result.js';
import { compileMatcher } from './matcher.js';
import { type Rule, type RulePack, rulePackSchema } from './rule-schema.js';
import { formatIssues } from './zod-issues.js';

/** The rule packs shipped with repbot. */
export const DEFAULT_PACK_DIR = path.join(dataDir, 'compliance');

export function parseRulePack(raw: unknown, file: string): Result<RulePack, string> {
  const parsed = rulePackSchema.safeParse(raw);
  if (!parsed.success) {
    const describe = (p: PropertyKey[]) => describePath(raw, p);
    return fail(`${file}: ${formatIssues(parsed.error.issues, describe)}`);
  }
  const problems = parsed.data.rules.flatMap((rule) => ruleProblems(rule).map((p) => `rule ${rule.id}: ${p}`));
  return problems.length > 0 ? fail(`${file}: ${problems.join('; ')}`) : ok(parsed.data);
}

/** "rules[4] (CN-SUP-002).terms" instead of "rules.4.terms". */
function describePath(raw: unknown, p: PropertyKey[]): string {
  if (p[0] === 'rules' && typeof p[1] === 'number') {
    const rules = (raw as { rules?: unknown[] } | null)?.rules;
    const id = (rules?.[p[1]] as { id?: unknown } | undefined)?.id;
    const rest = p.slice(2).map(String).join('.');
    return `rules[${p[1]}]${typeof id === 'string' ? ` (${id})` : ''}${rest ? `.${rest}` : ''}`;
  }
  return p.length > 0 ? p.map(String).join('.') : '(top level)';
}

const PROBE_NAMES = { competitors: ['probe'], products: ['probe'] };

function ruleProblems(rule: Rule): string[] {
  const problems: string[] = [];
  if (rule.action === 'route' && rule.routeTo === undefined) problems.push('action "route" needs routeTo');
  if (rule.action !== 'route' && rule.routeTo !== undefined && rule.action !== 'remove') {
    problems.push('routeTo only goes with action "route" or "remove"');
  }
  if (rule.action === 'redact' && rule.kind !== 'pii') problems.push('only pii rules redact');
  if (rule.kind === 'comparative' && !rule.terms && !rule.patterns) problems.push('comparative rules need terms or patterns');
  if (rule.kind === 'off-label') {
    if (rule.mode === 'use' && rule.conditions.length === 0) problems.push('mode "use" needs conditions');
    if (rule.mode === 'population' && rule.populations.length === 0) problems.push('mode "population" needs populations');
    if (rule.mode === 'dose' && rule.units.length === 0) problems.push('mode "dose" needs units');
  }
  for (const source of regexSources(rule)) {
    try {
      compileMatcher(undefined, [source], PROBE_NAMES);
    } catch (error) {
      problems.push(`bad pattern /${source}/ (${describeError(error)})`);
    }
  }
  return problems;
}

function regexSources(rule: Rule): string[] {
  const out = [...(rule.exceptionPatterns ?? [])];
  if ('patterns' in rule && rule.patterns) out.push(...rule.patterns);
  if ('contextPatterns' in rule && rule.contextPatterns) out.push(...rule.contextPatterns);
  if (rule.kind === 'grounding') out.push(...rule.exemptPatterns);
  return out;
}

/** Checks that hold across packs: unique rule ids, exception sets that exist. */
export function crossPackProblems(packs: readonly RulePack[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const sets = new Set(packs.flatMap((p) => Object.keys(p.sets)));
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const other = seen.get(rule.id);
      if (other) problems.push(`rule id ${rule.id} is in both ${other} and ${pack.id}`);
      seen.set(rule.id, pack.id);
      for (const set of rule.exceptionSets ?? []) {
        if (!sets.has(set)) problems.push(`${pack.id}: rule ${rule.id} names exception set "${set}", which no pack defines`);
      }
    }
  }
  return problems;
}

/** Every `*.yaml` pack in a folder; every broken file is reported, by name. */
export function loadRulePacks(dir: string = DEFAULT_PACK_DIR): Result<RulePack[], string[]> {
  let files: string[];
  try {
    files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort();
  } catch (error) {
    return fail([`${dir}: cannot read the rule pack folder (${describeError(error)})`]);
  }
  if (files.length === 0) return fail([`${dir}: no rule packs (*.yaml) found`]);
  const packs: RulePack[] = [];
  const errors: string[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = YAML.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      errors.push(`${file}: not valid YAML (${describeError(error)})`);
      continue;
    }
    const pack = parseRulePack(raw, file);
    if (pack.ok) packs.push(pack.value);
    else errors.push(pack.error);
  }
  errors.push(...crossPackProblems(packs));
  return errors.length > 0 ? fail(errors) : ok(packs);
}
