import { isCjkCode } from '../text/language.js';
import { isStopword } from '../text/stopwords.js';
import { memoized } from '../core/memo.js';
import { foldText, scanText, stem } from '../text/tokenize.js';

export interface TermMatch {
  /** Index of the group the term belongs to. */
  group: number;
  /** Canonical form of the matched term (see `termKey`). */
  key: string;
  /** The matched words or characters, folded. */
  text: string;
}

const BREAK = '\u0000';

/**
 * Finds terms of many groups in a text. Latin terms match whole words, compared as stemmed
 * word sequences ("interactions" finds "drug interaction"); terms with CJK characters match as
 * substrings of the folded text. At each position the longest term wins and its span is
 * consumed, so 最大剂量 is found instead of 剂量 and 肾上腺素 hides 肾.
 */
export class TermMatcher {
  private constructor(
    private readonly latin: Map<string, number[]>,
    private readonly maxWords: number,
    private readonly cjk: Map<string, number[]>,
    private readonly maxChars: number,
    private readonly cjkStarts: Set<string>,
    readonly termKeys: readonly (readonly string[])[],
  ) {}

  static compile(groups: readonly (readonly string[])[]): TermMatcher {
    const latin = new Map<string, number[]>();
    const cjk = new Map<string, number[]>();
    const cjkStarts = new Set<string>();
    let maxWords = 0;
    let maxChars = 0;
    const termKeys = groups.map((terms, group) =>
      terms.map((term) => {
        const key = termKey(term);
        // A lone stopword ("as", "it") would match nearly every question.
        if (key === '' || isStopword(key)) return key;
        if (hasCjk(key)) {
          add(cjk, key, group);
          cjkStarts.add(key[0] as string);
          maxChars = Math.max(maxChars, key.length);
        } else {
          add(latin, key, group);
          maxWords = Math.max(maxWords, key.split(' ').length);
        }
        return key;
      }),
    );
    return new TermMatcher(latin, maxWords, cjk, maxChars, cjkStarts, termKeys);
  }

  match(text: string): TermMatch[] {
    const out: TermMatch[] = [];
    if (this.latin.size > 0) this.matchLatin(text, out);
    if (this.cjk.size > 0) this.matchCjk(foldText(text), out);
    return out;
  }

  private matchLatin(text: string, out: TermMatch[]): void {
    const words: string[] = [];
    scanText(text, {
      word: (w) => words.push(w),
      cjk: () => words.push(BREAK),
    });
    const stems = words.map((w) => (w === BREAK ? BREAK : stem(w)));
    let i = 0;
    while (i < stems.length) {
      let matched = 0;
      for (let len = Math.min(this.maxWords, stems.length - i); len >= 1 && matched === 0; len--) {
        const key = stems.slice(i, i + len).join(' ');
        const groups = this.latin.get(key);
        if (!groups) continue;
        const surface = words.slice(i, i + len).join(' ');
        for (const group of groups) out.push({ group, key, text: surface });
        matched = len;
      }
      i += matched > 0 ? matched : 1;
    }
  }

  private matchCjk(folded: string, out: TermMatch[]): void {
    let i = 0;
    while (i < folded.length) {
      let matched = 0;
      if (this.cjkStarts.has(folded[i] as string)) {
        for (let len = Math.min(this.maxChars, folded.length - i); len >= 1 && matched === 0; len--) {
          const key = folded.slice(i, i + len);
          const groups = this.cjk.get(key);
          if (!groups) continue;
          for (const group of groups) out.push({ group, key, text: key });
          matched = len;
        }
      }
      i += matched > 0 ? matched : 1;
    }
  }
}

/**
 * The form a term is matched in: folded CJK text with single spaces, or for a Latin term its
 * stemmed words joined by spaces ("Drug Interactions" → "drug interact").
 */
export const termKey: (term: string) => string = memoized(computeTermKey, 20_000);

function computeTermKey(term: string): string {
  const folded = foldText(term).replace(/\s+/g, ' ').trim();
  if (hasCjk(folded)) return folded;
  const words: string[] = [];
  scanText(folded, { word: (w) => words.push(stem(w)), cjk: () => undefined });
  return words.join(' ');
}

function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCjkCode(s.charCodeAt(i))) return true;
  return false;
}

function add(map: Map<string, number[]>, key: string, group: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [group]);
  else if (!list.includes(group)) list.push(group);
}
