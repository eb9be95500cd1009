import { isStopword } from '../text/stopwords.js';

export interface AbbreviationHit {
  abbreviation: string;
  replacement: string;
}

// Abbreviations that spell ordinary words ("AS", "IT", "IM") only match in capitals.
const COMMON_WORDS = new Set(['im', 'id', 'ms', 'us', 'pt', 'bid', 'sub', 'max', 'min', 'dr', 'pm', 'po']);

/** Replaces abbreviations in a text as whole words: "max dose for kids" → "maximum dose for pediatric". */
export class AbbreviationMatcher {
  private constructor(
    private readonly regex: RegExp | null,
    private readonly caselessMap: ReadonlyMap<string, string>,
    private readonly exactMap: ReadonlyMap<string, string>,
  ) {}

  static compile(abbreviations: ReadonlyMap<string, string>): AbbreviationMatcher {
    const caselessMap = new Map<string, string>();
    const exactMap = new Map<string, string>();
    for (const [key, replacement] of abbreviations) {
      const lower = key.toLowerCase();
      const capitals = key === key.toUpperCase() && key !== lower;
      // A lowercase key like "max" is meant in any case; "AS" only as written.
      if (capitals && (isStopword(lower) || COMMON_WORDS.has(lower))) exactMap.set(key, replacement);
      else caselessMap.set(lower, replacement);
    }
    const keys = new Set([...caselessMap.keys(), ...[...exactMap.keys()].map((k) => k.toLowerCase())]);
    return new AbbreviationMatcher(pattern([...keys]), caselessMap, exactMap);
  }

  /** The text with abbreviations replaced (one pass: replacements are not matched again). */
  apply(text: string): { text: string; hits: AbbreviationHit[] } {
    const hits: AbbreviationHit[] = [];
    if (!this.regex) return { text, hits };
    const out = text.replace(this.regex, (m) =>
      record(hits, m, this.exactMap.get(m) ?? this.caselessMap.get(m.toLowerCase())),
    );
    return { text: out, hits };
  }
}

function record(hits: AbbreviationHit[], match: string, replacement: string | undefined): string {
  if (replacement === undefined) return match;
  hits.push({ abbreviation: match, replacement });
  return replacement;
}

export function pattern(keys: string[]): RegExp | null {
  if (keys.length === 0) return null;
  // Longest first, so "AEs" is replaced before "AE" could match its prefix. Keys that need the
  // same word boundaries share one group ("(?<!…)(?:aes|ae|…)(?!…)", the same matches as a
  // boundary around every key): a lookaround with Unicode classes around each of a hundred keys
  // made V8 compile the expression for 150–300 ms, once for each kind of string it met.
  const runs: Array<{ before: string; after: string; bodies: string[] }> = [];
  for (const key of [...keys].sort((a, b) => b.length - a.length)) {
    const body = key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const before = /^[\p{L}\p{N}]/u.test(key) ? '(?<![\\p{L}\\p{N}])' : '';
    const after = /[\p{L}\p{N}]$/u.test(key) ? '(?![\\p{L}\\p{N}])' : '';
    const last = runs[runs.length - 1];
    if (last && last.before === before && last.after === after) last.bodies.push(body);
    else runs.push({ before, after, bodies: [body] });
  }
  return new RegExp(runs.map((r) => `${r.before}(?:${r.bodies.join('|')})${r.after}`).join('|'), 'giu');
}
