import type { QueryAnalysis, SearchHit } from '../../retrieval/knowledge-base.js';
import { type Candidate, chunkSentences } from './chunk-sentences.js';
import { type Concept, questionProfile } from './question-profile.js';
import { DEFAULT_SELECTION, type SelectionTuning, selectSentences } from './select-sentences.js';
import { type ScoredCandidate, conceptRarity, scoreCandidate, sentenceTokens } from './sentence-score.js';

export interface Extraction {
  /** The sentences that answer, in reading order; empty when none does. */
  chosen: ScoredCandidate[];
  /** Every candidate, best first (for LLM context and diagnostics). */
  ranked: ScoredCandidate[];
}

/** Extractive answering: scores every sentence of the retrieved passages against the question and picks the answer. Pure. */
export function extractAnswer(question: string, analysis: QueryAnalysis, hits: readonly SearchHit[], tuning: SelectionTuning = DEFAULT_SELECTION): Extraction {
  const profile = questionProfile(question, analysis);
  const candidates: Candidate[] = hits.flatMap((h, i) => chunkSentences(h.chunk, i));
  const tokens = candidates.map((c) => sentenceTokens(c.text));
  const { rarity, present } = conceptRarity(profile.concepts, tokens);
  const ctx = { profile, rarity, present, hits: hits.length };
  const ranked = candidates.map((c, i) => scoreCandidate(c, tokens[i] as Set<string>, ctx)).sort((a, b) => b.score - a.score);
  const chosen = selectSentences(ranked, candidates, tuning);
  const best = chosen.length > 0 ? ranked.find((r) => chosen.includes(r)) : undefined;
  return { chosen: best && answersTopic(best, profile.concepts) ? chosen : [], ranked };
}

/**
 * The best sentence must be about what was asked: it states one of the question's glossary
 * concepts (pharma vocabulary: dose, contraindication, a condition), or, when the question has
 * none, at least half of its words. "does calmira cause hair loss?" is not answered by "a loss
 * of efficacy".
 */
export function answersTopic(best: ScoredCandidate, concepts: readonly Concept[]): boolean {
  const content = concepts.filter((c) => !c.weak && c.id !== 'cjk-characters');
  if (content.length === 0) return true;
  const known = content.filter((c) => c.known && c.importance >= 0.9);
  if (known.length > 0) return known.some((c) => best.matched.has(c.id));
  return content.filter((c) => best.matched.has(c.id)).length * 2 >= content.length;
}
