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

/**
 * How a term may end: `word` (a number: no letter or digit may follow), `plural` (a word: "s"
 * or "es" may follow, then no letter or digit), `prefix` (a trailing `*`: any letters and
 * digits follow) or `none` (a Chinese term, or one ending in punctuation).
 */
type TermEnd = 'none' | 'word' | 'plural' | 'prefix';

interface TermRule {
  /** Rank among the terms: longer terms first, then the order of the lists. */
  rank: number;
  /** No letter or digit may come just before the term. */
  boundaryBefore: boolean;
  end: TermEnd;
}

/** A node of the term trie; `space` is a run of one or more whitespace characters. */
interface TrieNode {
  chars: Map<string, TrieNode>;
  space: TrieNode | null;
  rules: TermRule[];
}

const newNode = (): TrieNode => ({ chars: new Map(), space: null, rules: [] });

/** Names (product.yaml competitors, aliases) as a term set: Latin ones whole words, Chinese ones substrings. */
export function nameTermSet(names: readonly string[]): TermSet {
  return compileTermSet({ en: names.filter((n) => !CJK.test(n)), zh: names.filter((n) => CJK.test(n)), patterns: [] });
}

/**
 * Compiles a term set once into a trie of its terms (walked from each position of the text)
 * and the list's regular expressions. The result is the same as one regular expression
 * `term1|term2|…|pattern1|…` with the terms longest first (each with its word-boundary and
 * plural rules) would give (tests/answering/term-set-equivalence.test.ts), without its cost:
 * V8 compiles such an alternation of a few hundred Unicode-aware terms lazily, and again for
 * the first two-byte (Chinese) text, which blocked the event loop for up to ~130 ms per list and
 * 250–450 ms for all routing lists (bench/routing-bench.ts).
 */
export function compileTermSet(source: TermSetSource): TermSet {
  const terms = [...source.en, ...source.zh].map((t) => foldText(t));
  if (terms.length === 0 && source.patterns.length === 0) return EMPTY;
  const root = newNode();
  terms
    .map((term, order) => ({ term, order }))
    .sort((a, b) => b.term.length - a.term.length || a.order - b.order)
    .forEach(({ term }, rank) => {
      const prefix = term.endsWith('*');
      const body = prefix ? term.slice(0, -1) : term;
      const cjk = CJK.test(term);
      const rule: TermRule = {
        rank,
        boundaryBefore: !cjk && /^[\p{L}\p{N}]/u.test(term),
        end: cjk ? 'none' : prefix ? 'prefix' : /\p{L}$/u.test(term) ? 'plural' : /\p{N}$/u.test(term) ? 'word' : 'none',
      };
      let node = root;
      for (const unit of body.split(/(\s+)/)) {
        if (unit === '') continue;
        if (/^\s/.test(unit)) {
          node.space ??= newNode();
          node = node.space;
          continue;
        }
        for (const ch of unit.split('')) {
          let next = node.chars.get(ch);
          if (!next) node.chars.set(ch, (next = newNode()));
          node = next;
        }
      }
      node.rules.push(rule);
    });
  const patterns = source.patterns.map((p) => new RegExp(p, 'gu'));
  const hasTerms = terms.length > 0;

  /** The end of the best-ranked term starting at `at`, or -1. */
  const termAt = (text: string, at: number): number => {
    let best: TermRule | null = null;
    let bestEnd = -1;
    const wordBefore = at > 0 && isWordBefore(text, at);
    let node: TrieNode | undefined = root;
    let i = at;
    for (;;) {
      for (const rule of node.rules) {
        if (best && best.rank < rule.rank) continue;
        if (rule.boundaryBefore && wordBefore) continue;
        const end = termEnd(text, i, rule.end);
        if (end >= 0) {
          best = rule;
          bestEnd = end;
        }
      }
      if (i >= text.length) break;
      const code = text.charCodeAt(i);
      if (isSpace(code)) {
        if (!node.space) break;
        node = node.space;
        do i++;
        while (i < text.length && isSpace(text.charCodeAt(i)));
      } else {
        node = node.chars.get(text[i] as string);
        if (!node) break;
        i++;
      }
    }
    return bestEnd;
  };

  return {
    find(folded) {
      const out: Span[] = [];
      // The next match of each pattern at or after `pos` (its index, -1: none left).
      const next: Array<RegExpExecArray | null | undefined> = patterns.map(() => undefined);
      let pos = 0;
      while (pos <= folded.length) {
        let patternAt = Infinity;
        for (let k = 0; k < patterns.length; k++) {
          let m = next[k];
          if (m === undefined || (m !== null && m.index < pos)) {
            const re = patterns[k] as RegExp;
            re.lastIndex = pos;
            next[k] = m = re.exec(folded);
          }
          if (m && m.index < patternAt) patternAt = m.index;
        }
        let at = -1;
        let end = -1;
        if (hasTerms) {
          for (let q = pos; q <= folded.length && q <= patternAt; q = advance(folded, q)) {
            const e = termAt(folded, q);
            if (e >= 0) {
              at = q;
              end = e;
              break;
            }
          }
        }
        if (at < 0) {
          if (patternAt === Infinity) break;
          const m = next.find((x) => x?.index === patternAt) as RegExpExecArray;
          at = m.index;
          end = m.index + m[0].length;
        }
        if (end === at) {
          pos = advance(folded, at);
          continue;
        }
        out.push({ start: at, end, text: folded.slice(at, end) });
        pos = end;
      }
      return out;
    },
    test(folded) {
      if (hasTerms) for (let q = 0; q <= folded.length; q = advance(folded, q)) if (termAt(folded, q) >= 0) return true;
      return patterns.some((re) => {
        re.lastIndex = 0;
        return re.test(folded);
      });
    },
  };
}

/** Where a term whose body ends at `i` ends, by its rule, or -1 when it may not end there. */
function termEnd(text: string, i: number, end: TermEnd): number {
  switch (end) {
    case 'none':
      return i;
    case 'word':
      return isWordAt(text, i) ? -1 : i;
    case 'prefix': {
      let j = i;
      while (j < text.length && isWordAt(text, j)) j += codePointLength(text, j);
      return j;
    }
    case 'plural':
      if (text.startsWith('es', i) && !isWordAt(text, i + 2)) return i + 2;
      if (text.startsWith('s', i) && !isWordAt(text, i + 1)) return i + 1;
      return isWordAt(text, i) ? -1 : i;
  }
}

/** The next position a Unicode-aware regular expression would try: past a whole surrogate pair. */
function advance(text: string, i: number): number {
  return i + (i + 1 < text.length ? codePointLength(text, i) : 1);
}

function codePointLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `[\p{L}\p{N}]` at `i` (false at the end). */
function isWordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return isWordCodePoint(text.codePointAt(i) as number);
}

/** `[\p{L}\p{N}]` just before `i` (the whole code point, as a Unicode lookbehind reads it). */
function isWordBefore(text: string, i: number): boolean {
  const code = text.charCodeAt(i - 1);
  if (isLowSurrogate(code) && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return isWordCodePoint((high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000);
  }
  return isWordCodePoint(code);
}

const WORD = /^[\p{L}\p{N}]$/u;
const wordBmp = new Uint8Array(0x10000); // 0: not looked up yet, 1: letter or digit, 2: neither
const wordAstral = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a);
  if (cp < 0x10000) {
    let known = wordBmp[cp] as number;
    if (known === 0) wordBmp[cp] = known = WORD.test(String.fromCharCode(cp)) ? 1 : 2;
    return known === 1;
  }
  let known = wordAstral.get(cp);
  if (known === undefined) wordAstral.set(cp, (known = WORD.test(String.fromCodePoint(cp))));
  return known;
}

/** `\s` of a regular expression. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
