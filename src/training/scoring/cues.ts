import { type TermSet, compileTermSet } from '../../answering/routing/term-set.js';
import { foldText, tokenize } from '../../text/tokenize.js';
import { splitSentences } from '../../text/sentences.js';
import type { RubricLine } from '../rubric.js';

/** The rubric line's cue words, compiled once. */
export function cueSet(line: RubricLine | undefined): TermSet {
  return compileTermSet({ en: line?.cues?.en ?? [], zh: line?.cues?.zh ?? [], patterns: line?.cues?.patterns ?? [] });
}

const QUESTION_END = /[?？]\s*[)）"”']*$|[吗呢][。.]?$/;

/** Sentences that ask something ("…?", "…吗？"). */
export function questionSentences(text: string): string[] {
  return splitSentences(text).filter((s) => QUESTION_END.test(s.trim()));
}

export function hasCue(text: string, cues: TermSet): boolean {
  return cues.test(foldText(text));
}

/**
 * A clarifying question: a question that is not only a request for the next step ("May I
 * leave the PI?"), or that carries a clarifying cue ("Is your concern…?").
 */
export function asksClarifyingQuestion(text: string, clarify: TermSet, close: TermSet): boolean {
  return questionSentences(text).some((q) => hasCue(q, clarify) || !hasCue(q, close));
}

const ECHO_OVERLAP = 0.6;
const ECHO_MIN_TOKENS = 3;

/**
 * True when a sentence of the text says nearly what an approved handler step says ("You want
 * to be confident that a treatment will help…" acknowledges as well as "I understand").
 */
export function echoes(text: string, step: string | undefined): boolean {
  if (!step) return false;
  const approved = new Set(tokenize(step));
  return splitSentences(text).some((s) => {
    const tokens = new Set(tokenize(s));
    if (tokens.size < ECHO_MIN_TOKENS) return false;
    let hits = 0;
    for (const t of tokens) if (approved.has(t)) hits++;
    return hits / tokens.size >= ECHO_OVERLAP;
  });
}
