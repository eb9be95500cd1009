import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { memoized } from '../core/memo.js';
import { type Result, fail, ok } from '../core/result.js';
import { normalizeText } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { AbbreviationMatcher } from './abbreviations.js';
import { type TermMatch, TermMatcher, termKey } from './term-matcher.js';
import type { WeightedTerm } from './weighted-term.js';

/** The bilingual glossary shipped with repbot (`data/glossary.yaml` at the package root). */
export const DEFAULT_GLOSSARY_PATH = fileURLToPath(new URL('../../data/glossary.yaml', import.meta.url));

/** Equivalent terms; `broader` terms are added when the group matches but never make it match. */
export interface GlossaryGroup {
  id: string;
  terms: readonly string[];
  broader: readonly string[];
  /** File the group came from. */
  source: string;
}

/** One glossary file after validation. */
export interface GlossaryFile {
  file: string;
  groups: Array<{ terms: string[]; broader: string[] }>;
  abbreviations: Record<string, string>;
}

export interface Glossary {
  readonly groups: readonly GlossaryGroup[];
  readonly abbreviations: ReadonlyMap<string, string>;
  readonly matcher: TermMatcher;
  readonly abbreviationMatcher: AbbreviationMatcher;
}

export interface ExpandOptions {
  /** Weight of synonyms from glossary groups (default 0.7). */
  synonymWeight?: number;
  /** Weight of terms from `extraGroups`, e.g. product aliases (default 0.9). */
  aliasWeight?: number;
  /** Weight of an abbreviation's spelled-out form (default 1). */
  abbreviationWeight?: number;
  /** Weight of a group's broader terms (default 0.5). */
  broaderWeight?: number;
}

export interface QueryExpansion {
  /** The question, normalised. */
  text: string;
  /** Keyword tokens of the question as asked (see `tokenize`). */
  original: string[];
  /** Terms (words or phrases, any language) to search for as well, without the ones asked. */
  expansions: WeightedTerm[];
  /** What in the question matched, and the concept group it stands for. */
  matches: Array<{ text: string; group: string }>;
}

const term = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1, 'empty term'));
const termList = z.array(term).min(1, 'a group needs at least one term');
const groupObject = z.strictObject({ terms: termList, broader: z.array(term).optional() });
const fileSchema = z.strictObject({
  groups: z.array(z.unknown()).optional(),
  abbreviations: z.record(z.string().min(1), term).optional(),
});

/** Validates one glossary file's text; errors name the file and the group index. */
export function parseGlossary(yamlText: string, file: string): Result<GlossaryFile, string> {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    return fail(`${file}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (raw === null || raw === undefined) return ok({ file, groups: [], abbreviations: {} });
  const top = fileSchema.safeParse(raw);
  if (!top.success) return fail(`${file}: ${describeIssue(top.error.issues[0])}`);
  const groups: GlossaryFile['groups'] = [];
  const rawGroups = top.data.groups ?? [];
  for (let index = 0; index < rawGroups.length; index++) {
    const value = rawGroups[index];
    const parsed = Array.isArray(value)
      ? termList.safeParse(value)
      : value !== null && typeof value === 'object'
        ? groupObject.safeParse(value)
        : null;
    if (parsed === null) return fail(`${file}: groups[${index}]: expected a list of terms or {terms, broader}`);
    if (!parsed.success) return fail(`${file}: groups[${index}]: ${describeIssue(parsed.error.issues[0])}`);
    const data = parsed.data;
    groups.push(Array.isArray(data) ? { terms: data, broader: [] } : { terms: data.terms, broader: data.broader ?? [] });
  }
  return ok({ file, groups, abbreviations: top.data.abbreviations ?? {} });
}

/**
 * Reads and merges glossary files in order (the shipped one, then the knowledge folder's
 * `glossary.yaml`): groups are added, later abbreviations override earlier ones. Every path
 * must exist; leave out optional files that are absent.
 */
export function loadGlossary(paths: readonly string[]): Result<Glossary, string> {
  const files: GlossaryFile[] = [];
  for (const file of paths) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return fail(`${file}: cannot read the glossary (${code})`);
    }
    const parsed = parseGlossary(text, file);
    if (!parsed.ok) return parsed;
    files.push(parsed.value);
  }
  return ok(buildGlossary(files));
}

export function buildGlossary(files: readonly GlossaryFile[]): Glossary {
  const groups: GlossaryGroup[] = [];
  const abbreviations = new Map<string, string>();
  for (const file of files) {
    for (const group of file.groups) {
      groups.push({ id: `g${groups.length}`, terms: group.terms, broader: group.broader, source: file.file });
    }
    for (const [key, value] of Object.entries(file.abbreviations)) abbreviations.set(key, value);
  }
  return {
    groups,
    abbreviations,
    matcher: TermMatcher.compile(groups.map((g) => g.terms)),
    abbreviationMatcher: AbbreviationMatcher.compile(abbreviations),
  };
}

const extraMatchers = new WeakMap<readonly (readonly string[])[], TermMatcher>();

/**
 * Adds what a question means to what it says: synonyms and translations from the glossary
 * (case-insensitive whole words for Latin terms, substrings for Chinese, longest match first),
 * spelled-out abbreviations, and `extraGroups` such as a product's brand, generic and Chinese
 * names (修美乐 → Humira, adalimumab).
 */
export function expandQuery(
  text: string,
  glossary: Glossary,
  extraGroups: readonly (readonly string[])[] = [],
  options: ExpandOptions = {},
): QueryExpansion {
  const synonymWeight = options.synonymWeight ?? 0.7;
  const aliasWeight = options.aliasWeight ?? 0.9;
  const abbreviationWeight = options.abbreviationWeight ?? 1;
  const broaderWeight = options.broaderWeight ?? 0.5;

  const normalized = normalizeText(text);
  const expansions = new Map<string, WeightedTerm>();
  const matches: QueryExpansion['matches'] = [];
  const asked = new Set<string>();
  const addTerm = (value: string, weight: number, group: string) => {
    const key = termKey(value);
    if (key === '' || asked.has(key)) return;
    const previous = expansions.get(key);
    if (!previous || previous.weight < weight) expansions.set(key, { term: value, weight, group });
  };

  const { text: spelledOut, hits } = glossary.abbreviationMatcher.apply(normalized);
  const direct = glossary.matcher.match(normalized);
  const extraMatcher = extraGroups.length > 0 ? extraMatcherFor(extraGroups) : null;
  const aliasMatches = extraMatcher ? dedupe(extraMatcher.match(normalized)) : [];
  // "how does Zorvex work" asks the glossary's "how does it work".
  const withIt = productAsIt(normalized, aliasMatches.map((m) => m.text));
  const itMatches = withIt ? glossary.matcher.match(withIt).filter((m) => /(?:^|\s)it(?:\s|$)/.test(m.text)) : [];
  const baseMatches = dedupe([...direct, ...(hits.length > 0 ? glossary.matcher.match(spelledOut) : []), ...itMatches]);

  for (const m of [...direct, ...aliasMatches]) asked.add(m.key);
  for (const hit of hits) asked.add(termKey(hit.abbreviation));

  for (const m of baseMatches) {
    const group = glossary.groups[m.group];
    if (!group) continue;
    matches.push({ text: m.text, group: group.id });
    for (const t of group.terms) addTerm(t, synonymWeight, group.id);
    for (const t of group.broader) addTerm(t, broaderWeight, group.id);
  }
  for (const m of aliasMatches) {
    const id = `x${m.group}`;
    matches.push({ text: m.text, group: id });
    for (const t of extraGroups[m.group] ?? []) addTerm(t, aliasWeight, id);
  }
  for (const hit of hits) {
    const id = abbreviationGroup(hit.replacement, glossary) ?? `a:${hit.abbreviation.toLowerCase()}`;
    matches.push({ text: hit.abbreviation, group: id });
    addTerm(hit.replacement, abbreviationWeight, id);
  }

  return { text: normalized, original: tokenize(normalized), expansions: [...expansions.values()], matches };
}

/** The text with the product names it mentions (Latin script) read as "it"; null when there are none. */
function productAsIt(text: string, names: readonly string[]): string | null {
  let out = text;
  for (const name of names) {
    if (/[\u3400-\u9fff]/.test(name)) continue;
    out = out.replace(wholeName(name), 'it');
  }
  return out === text ? null : out;
}

const wholeName = memoized(
  (name: string) => new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'),
  1_000,
);

/** The glossary group an abbreviation's expansion is a term of, so both count as one concept. */
function abbreviationGroup(replacement: string, glossary: Glossary): string | null {
  const key = termKey(replacement);
  const hit = glossary.matcher.match(replacement).find((m) => m.key === key);
  return hit ? (glossary.groups[hit.group]?.id ?? null) : null;
}

function extraMatcherFor(groups: readonly (readonly string[])[]): TermMatcher {
  let matcher = extraMatchers.get(groups);
  if (!matcher) {
    matcher = TermMatcher.compile(groups);
    extraMatchers.set(groups, matcher);
  }
  return matcher;
}

function dedupe(list: TermMatch[]): TermMatch[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const id = `${m.group}\u0000${m.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${where.replace(/^\./, '')}${where ? ': ' : ''}${issue.message}`;
}
