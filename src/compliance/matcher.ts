import { foldPlain } from './fold.js';

/** A span of a sentence's folded text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Names that rule terms and patterns may refer to as `{competitor}` and `{product}`. */
export interface NameLists {
  competitors: readonly string[];
  products: readonly string[];
}

const LATIN_EDGE = /[a-z0-9\u00c0-\u024f]/;
const BEFORE = '(?<![a-z0-9\\u00c0-\\u024f])';
const AFTER = '(?![a-z0-9\\u00c0-\\u024f])';
const NEVER = '(?!)';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Regex source for a literal phrase: matched on folded text, whole words for Latin edges,
 * any run of spaces or hyphens between words ("side-effects" = "side effects"), and a
 * trailing `*` for "any ending" ("guarantee*" finds guaranteed, guarantees).
 */
export function termSource(term: string): string {
  const prefix = term.endsWith('*');
  const folded = foldPlain(prefix ? term.slice(0, -1) : term);
  if (folded === '') return NEVER;
  const body = folded
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s\\-]*');
  const head = LATIN_EDGE.test(folded[0] as string) ? BEFORE : '';
  const last = folded[folded.length - 1] as string;
  const tail = prefix ? '[a-z]*' : LATIN_EDGE.test(last) ? AFTER : '';
  return `${head}${body}${tail}`;
}

/** Replaces `{competitor}` and `{product}` with alternations of the known names. */
export function expandPlaceholders(source: string, names: NameLists): string {
  return source
    .replace(/\{competitor\}/g, () => alternation(names.competitors))
    .replace(/\{product\}/g, () => alternation(names.products));
}

function alternation(names: readonly string[]): string {
  const sources = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))]
    .sort((a, b) => b.length - a.length)
    .map(termSource);
  return sources.length === 0 ? NEVER : `(?:${sources.join('|')})`;
}

/** One regex for a list of phrases and patterns, or null when both are empty. */
export function compileMatcher(
  terms: readonly string[] | undefined,
  patterns: readonly string[] | undefined,
  names: NameLists,
): RegExp | null {
  // Longest phrase first: "gift card" must win over "gift" at the same position. Patterns come
  // before terms: a pattern spells out a longer construction ("^if a patient … .*") that must
  // win over a term it starts with ("if").
  const sortedTerms = [...(terms ?? [])].sort((a, b) => b.length - a.length);
  const parts = [
    ...(patterns ?? []).map((p) => expandPlaceholders(p, names)),
    ...sortedTerms.map((t) => expandPlaceholders(termSource(t), names)),
  ];
  if (parts.length === 0) return null;
  return new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'giu');
}

export function findAll(re: RegExp | null, text: string, from = 0, to = text.length): Span[] {
  if (re === null) return [];
  const out: Span[] = [];
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (m.index + m[0].length > to) break;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function hasMatch(re: RegExp | null, text: string, from = 0, to = text.length): boolean {
  if (re === null) return false;
  const scope = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  return re.test(scope);
}
