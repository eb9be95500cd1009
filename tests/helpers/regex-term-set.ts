import type { Span, TermSet, TermSetSource } from '../../src/answering/routing/term-set.js';
import { foldText } from '../../src/text/tokenize.js';

/**
 * The term-set matcher as it was first written: one regular expression per list, every term an
 * alternative (longest first) with its own Unicode word-boundary lookarounds, then the list's
 * patterns. Kept as the reference the trie-based matcher must agree with
 * (tests/answering/term-set-equivalence.test.ts) and as the "before" of bench/routing-bench.ts.
 */
export function referenceTermSet(source: TermSetSource): TermSet {
  const CJK = /[\u3400-\u9fff]/;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...source.en, ...source.zh]
    .map((t) => foldText(t))
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const prefix = term.endsWith('*');
      const body = escape(prefix ? term.slice(0, -1) : term).replace(/\s+/g, '\\s+');
      if (CJK.test(term)) return body;
      const before = /^[\p{L}\p{N}]/u.test(term) ? '(?<![\\p{L}\\p{N}])' : '';
      const after = prefix ? '[\\p{L}\\p{N}]*' : /\p{L}$/u.test(term) ? '(?:e?s)?(?![\\p{L}\\p{N}])' : /\p{N}$/u.test(term) ? '(?![\\p{L}\\p{N}])' : '';
      return `${before}${body}${after}`;
    });
  const sources = [...(alternatives.length > 0 ? [alternatives.join('|')] : []), ...source.patterns];
  if (sources.length === 0) return { find: (): Span[] => [], test: () => false };
  const re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gu');
  return {
    find(folded: string): Span[] {
      const out: Span[] = [];
      re.lastIndex = 0;
      for (const m of folded.matchAll(re)) if (m[0] !== '') out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      return out;
    },
    test(folded: string) {
      re.lastIndex = 0;
      return re.test(folded);
    },
  };
}
