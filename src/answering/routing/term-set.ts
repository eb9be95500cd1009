import { z } from 'zod';
import { foldText } from '../../text/tokenize.js';

/** A match in folded text (see `foldText`). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Words and phrases in both languages, plus regular expressions for what a list cannot say
 * ("after 3 days"). Latin terms match whole words, plurals included (a trailing `*` allows any
 * ending: `hospitali*`); terms with Chinese characters match as substrings. All matching is on folded
 * text: lowercase, NFKC.
 */
export const termSetSchema = z.strictObject({
  en: z.array(z.string().trim().min(1)).default([]),
  zh: z.array(z.string().trim().min(1)).default([]),
  patterns: z
    .array(
      z.string().refine(
        (source) => {
          try {
            new RegExp(source, 'u');
            return true;
          } catch {
            return false;
          }
        },
        { message: 'not a valid regular expression' },
      ),
    )
    .default([]),
});
export type TermSetSource = z.infer<typeof termSetSchema>;

export interface TermSet {
  /** Every non-overlapping match, leftmost-longest, in folded text. */
  find(folded: string): Span[];
  test(folded: string): boolean;
}

const CJK = /[\u3400-\u9fff]/;
const EMPTY: TermSet = { find: () => [], test: () => false };

export function compileTermSet(source: TermSetSource): TermSet {
  const terms = [...source.en, ...source.zh].map((t) => foldText(t));
  const alternatives = terms
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const prefix = term.endsWith('*');
      const body = escape(prefix ? term.slice(0, -1) : term).replace(/\s+/g, '\\s+');
      if (CJK.test(term)) return body;
      const before = /^[\p{L}\p{N}]/u.test(term) ? '(?<![\\p{L}\\p{N}])' : '';
      // Plurals match too: "side effect" finds "side effects", "rash" finds "rashes".
      const after = prefix ? '[\\p{L}\\p{N}]*' : /\p{L}$/u.test(term) ? '(?:e?s)?(?![\\p{L}\\p{N}])' : /\p{N}$/u.test(term) ? '(?![\\p{L}\\p{N}])' : '';
      return `${before}${body}${after}`;
    });
  const sources = [...(alternatives.length > 0 ? [alternatives.join('|')] : []), ...source.patterns];
  if (sources.length === 0) return EMPTY;
  const re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gu');
  return {
    find(folded) {
      const out: Span[] = [];
      re.lastIndex = 0;
      for (const m of folded.matchAll(re)) {
        if (m[0] === '') continue;
        out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      }
      return out;
    },
    test(folded) {
      re.lastIndex = 0;
      return re.test(folded);
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
