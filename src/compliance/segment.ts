import { memoized } from '../core/memo.js';
import { detectLanguage } from '../text/language.js';
import { splitSentences } from '../text/sentences.js';
import type { Language } from '../knowledge/types.js';
import { type FoldedText, foldWithOffsets } from './fold.js';

/** One sentence of a draft: where it is, and its matching form. */
export interface Sentence {
  index: number;
  /** Offsets into the draft. */
  start: number;
  end: number;
  text: string;
  folded: FoldedText;
  language: Language;
  hasLatin: boolean;
  hasCjk: boolean;
}

const LATIN = /[a-z]/;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * Sentences with their offsets. Each line is split on its own (a Slack draft's lines are
 * meant: list items, a sign-off), so every sentence is a substring of the draft and a
 * removal cuts exactly what was flagged.
 */
export function segmentDraft(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    segmentLine(text.slice(lineStart, lineEnd), lineStart, out);
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return out;
}

function segmentLine(line: string, offset: number, out: Sentence[]): void {
  for (const s of lineSentences(line)) {
    out.push({ ...s, index: out.length, start: s.start + offset, end: s.end + offset, folded: offset === 0 ? s.folded : shift(s.folded, offset) });
  }
}

/**
 * A line's sentences at offset 0, remembered by the line's text: replies are made of approved
 * sentences, so the same lines are checked again and again (and once more when their audit
 * record is redacted). The objects are shared: never changed, only copied.
 */
const lineSentences = memoized((line: string): readonly Sentence[] => {
  const out: Sentence[] = [];
  let cursor = 0;
  for (const piece of splitSentences(line)) {
    const at = line.indexOf(piece, cursor);
    // Never leave text unchecked: if the splitter rewrote a piece, the rest is one sentence.
    if (at < 0) break;
    out.push(sentence(piece, at, out.length));
    cursor = at + piece.length;
  }
  const rest = line.slice(cursor);
  if (rest.trim() !== '') {
    const at = cursor + (rest.length - rest.trimStart().length);
    out.push(sentence(rest.trim(), at, out.length));
  }
  return out;
}, 20_000);

function sentence(piece: string, start: number, index: number): Sentence {
  const folded = foldWithOffsets(piece);
  return {
    index,
    start,
    end: start + piece.length,
    text: piece,
    folded: shift(folded, start),
    language: detectLanguage(piece),
    hasLatin: LATIN.test(folded.text),
    hasCjk: CJK.test(folded.text),
  };
}

function shift(folded: FoldedText, by: number): FoldedText {
  return { text: folded.text, start: folded.start.map((n) => n + by), end: folded.end.map((n) => n + by) };
}

const CLAUSE_BREAK = /[,;:，；：、]|\s(?:but|although|though|however|whereas|while)\s|但是|但|然而|不过|虽然/g;
// Only where a sentence turns ("…, but…"): a negation heads a whole list ("we never give gifts, meals or travel…").
const STATEMENT_BREAK = /[;:；：]|,?\s(?:but|although|though|however|whereas|yet)\s|但是|但|然而|不过|虽然|可是/g;

/**
 * Folded-text ranges of a sentence's clauses, so an exception only covers its own clause.
 * `statements` cuts only where the sentence turns, not at every comma.
 */
export function clauseRanges(folded: string, statements = false): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const m of folded.matchAll(statements ? STATEMENT_BREAK : CLAUSE_BREAK)) {
    const at = m.index;
    // "1,000" is a number, not two clauses.
    if (m[0] === ',' && /\d/.test(folded[at - 1] ?? '') && /\d/.test(folded[at + 1] ?? '')) continue;
    ranges.push([from, at]);
    from = at + m[0].length;
  }
  ranges.push([from, folded.length]);
  return ranges;
}
