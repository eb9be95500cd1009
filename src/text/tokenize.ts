import { isCjkCode } from './language.js';
import { stem } from './stem.js';
import { isCjkStopChar, isStopword, splitCjkRun } from './stopwords.js';

export { stem } from './stem.js';

/** Receives the pieces of a text in order: Latin words, numbers and units, and CJK runs. */
export interface ScanVisitor {
  /** A lowercase word ("dosage", "cyp3a4"), number ("40", "2.5", "1000") or unit ("mg", "°c"). */
  word(token: string): void;
  /** A maximal run of CJK ideographs (particles included; see `splitCjkRun`). */
  cjk(run: string): void;
}

const NON_ASCII = /[\u0080-\uffff]/;
const ORDINAL_AS_DEGREE = /(\d\s?)[º˚]/g;

/** Lowercase, NFKC-folded text: the form every matcher in repbot works on. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.replace(ORDINAL_AS_DEGREE, '$1°').normalize('NFKC').toLowerCase();
}

/**
 * Keyword-search tokens: stemmed English words without stopwords (negations included) or
 * single letters; numbers ("40mg" gives "40" and "mg", "1,000" gives "1000", "2.5" stays);
 * "°c"/"°f"; overlapping bigrams of each CJK word run (runs are cut at particles and question
 * words such as 的, 吗, 多少), or the character itself for a run of one.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scanText(text, {
    word(token) {
      if (token.length === 1 && !isDigit(token.charCodeAt(0))) return;
      if (isStopword(token)) return;
      out.push(stem(token));
    },
    cjk(run) {
      for (const segment of splitCjkRun(run)) {
        if (segment.length === 1) {
          if (!isCjkStopChar(segment)) out.push(segment);
          continue;
        }
        for (let i = 0; i + 1 < segment.length; i++) out.push(segment.slice(i, i + 2));
      }
    },
  });
  return out;
}

/**
 * The single characters of CJK word runs longer than one (without particles), which `tokenize`
 * leaves out. A keyword index adds them so that 肝 finds 肝脏 and 肝功能; queries
 * search them at a low weight (see `queryTerms`).
 */
export function cjkCharacters(text: string): string[] {
  const out: string[] = [];
  scanText(text, {
    word() {},
    cjk(run) {
      for (const segment of splitCjkRun(run)) {
        if (segment.length === 1) continue;
        for (const char of segment) if (!isCjkStopChar(char)) out.push(char);
      }
    },
  });
  return out;
}

/** Walks a text once, folding it first (see `foldText`). */
export function scanText(text: string, visitor: ScanVisitor): void {
  const s = foldText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(s.charCodeAt(j))) j++;
      // "cyp3a4" and "hba1c" are one word; "lipitor40mg" is a name and a dose.
      if (j - i < 4) while (j < n && (isLetter(s.charCodeAt(j)) || isDigit(s.charCodeAt(j)))) j++;
      visitor.word(s.slice(i, j));
      i = j;
    } else if (isDigit(c)) {
      i = readNumber(s, i, visitor);
    } else if (isCjkCode(c)) {
      let j = i + 1;
      while (j < n && isCjkCode(s.charCodeAt(j))) j++;
      visitor.cjk(s.slice(i, j));
      i = j;
    } else if (c === 0xb0 && i + 1 < n) {
      const unit = s.charCodeAt(i + 1);
      if ((unit === 0x63 || unit === 0x66) && !(i + 2 < n && isLetter(s.charCodeAt(i + 2)))) {
        visitor.word(s.slice(i, i + 2));
        i += 2;
      } else i++;
    } else i++;
  }
}

function readNumber(s: string, start: number, visitor: ScanVisitor): number {
  const n = s.length;
  let j = start;
  let hasSeparator = false;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) j++;
    else if (c === 0x2e && j + 1 < n && isDigit(s.charCodeAt(j + 1))) j++;
    else if (c === 0x2c && isThousands(s, j)) {
      hasSeparator = true;
      j++;
    } else break;
  }
  const number = s.slice(start, j);
  visitor.word(hasSeparator ? number.replace(/,/g, '') : number);
  if (j < n && isLetter(s.charCodeAt(j))) {
    // "40mg": the unit is a word of its own.
    let k = j + 1;
    while (k < n && (isLetter(s.charCodeAt(k)) || isDigit(s.charCodeAt(k)))) k++;
    visitor.word(s.slice(j, k));
    j = k;
  }
  return j;
}

/** "1,000" and "12,500": a comma followed by exactly three digits. */
function isThousands(s: string, comma: number): boolean {
  for (let k = comma + 1; k <= comma + 3; k++) if (k >= s.length || !isDigit(s.charCodeAt(k))) return false;
  const after = comma + 4 < s.length ? s.charCodeAt(comma + 4) : 0;
  return !isDigit(after) && comma > 0 && isDigit(s.charCodeAt(comma - 1));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xdf && c <= 0x24f && c !== 0xf7) ||
    (c >= 0x3b1 && c <= 0x3c9) ||
    c === 0x3bc
  );
}
