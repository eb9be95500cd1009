import { isCjkStopChar, isStopword, splitCjkRun } from '../text/stopwords.js';
import { foldText, scanText, stem } from '../text/tokenize.js';

const MENTION_MARKUP = /<[@#!][^>]*>/g;

/**
 * The grouping key of a question for the content-gaps report: the content words, stemmed and
 * in a fixed order, so "What is the max dose of Zorvex?" and "zorvex max doses" are one topic,
 * and so are "Zorvex的最大剂量是多少？" and "Zorvex 最大剂量是多少?" (Chinese is cut at particles and
 * question words; full-width forms fold to half-width). A question of stopwords only keeps its
 * folded text.
 */
export function questionKey(question: string): string {
  const text = question.replace(MENTION_MARKUP, ' ');
  const parts = new Set<string>();
  scanText(text, {
    word(token) {
      if (isStopword(token)) return;
      parts.add(stem(token));
    },
    cjk(run) {
      for (const segment of splitCjkRun(run)) if (segment.length > 1 || !isCjkStopChar(segment)) parts.add(segment);
    },
  });
  if (parts.size === 0) return foldText(text).replace(/\s+/g, ' ').trim();
  return [...parts].sort().join(' ');
}
