import { foldText } from '../../text/tokenize.js';
import type { ObjectionCategory } from '../reply.js';
import { nameTermSet } from '../routing/term-set.js';
import type { ObjectionLexicon } from './objection-lexicon.js';

export interface Classification {
  category: ObjectionCategory;
  /** Match strength per category (for diagnostics). */
  scores: Partial<Record<ObjectionCategory, number>>;
}

/**
 * The category of an HCP's objection from its words (English and Chinese): each match counts
 * 1 plus its length in words beyond the first; competitor names count for "competitor". Pure.
 */
export function classifyObjection(text: string, lexicon: ObjectionLexicon, competitorNames: readonly string[] = []): Classification {
  const folded = foldText(text);
  const scores: Partial<Record<ObjectionCategory, number>> = {};
  for (const { id, terms } of lexicon.categories) {
    const score = terms.find(folded).reduce((sum, m) => sum + weight(m.text), 0);
    if (score > 0) scores[id] = score;
  }
  if (competitorNames.length > 0) {
    const competitors = nameTermSet(competitorNames);
    const hits = competitors.find(folded).length;
    if (hits > 0) scores.competitor = (scores.competitor ?? 0) + 1.5 * hits;
  }
  let best: ObjectionCategory = 'other';
  let top = 0;
  for (const { id } of lexicon.categories) {
    const s = scores[id] ?? 0;
    if (s > top) {
      best = id;
      top = s;
    }
  }
  return { category: best, scores };
}

function weight(match: string): number {
  const words = match.trim().split(/\s+/).length;
  const cjk = /[\u3400-\u9fff]/.test(match) ? Math.max(0, match.length - 2) * 0.5 : 0;
  return 1 + 0.5 * (words - 1) + cjk;
}
