import type { QueryAnalysis, SearchHit } from '../../retrieval/knowledge-base.js';
import { foldText } from '../../text/tokenize.js';
import { type Candidate, chunkSentences } from './chunk-sentences.js';
import { type Concept, type QuestionProfile, questionProfile } from './question-profile.js';
import { DEFAULT_SELECTION, type SelectionTuning, selectSentences } from './select-sentences.js';
import { type ScoredCandidate, conceptRarity, isTitleLine, scoreCandidate, sentenceLanguage, statementTokens } from './sentence-score.js';

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
  const tokens = candidates.map((c) => statementTokens(c.text));
  const { rarity, present } = conceptRarity(profile.concepts, tokens);
  const ctx = { profile, rarity, present, hits: hits.length };
  const scored = candidates.map((c, i) => scoreCandidate(c, tokens[i] as ReadonlySet<string>, ctx));
  const ranked = (analysis.products.length > 0 ? withPolicyPenalty(scored) : scored).sort((a, b) => b.score - a.score);
  // A Chinese question may be answered from an English label (quoted as is); an English question
  // is not answered in Chinese. A document's title line is not a statement.
  const readable = ranked.filter((r) => (profile.language === 'zh' || sentenceLanguage(r.candidate.text) === 'en') && !isTitleLine(r.candidate));
  const answering = asksPercentage(profile.folded) ? readable.filter((r) => statesPercentage(r) && statesEveryKnown(r, profile.concepts, present)) : readable;
  const chosen = selectSentences(answering, candidates, tuning);
  const best = chosen.length > 0 ? ranked.find((r) => chosen.includes(r)) : undefined;
  return { chosen: best && (answersTopic(best, profile.concepts) || answersAlone(best, profile)) ? chosen : [], ranked };
}

/**
 * "Hypothetically, if a patient got a rash on Calmira, how would I report it?" asks how to report,
 * whatever event it names in passing: a sentence that shows the fact of such an intent ("Report
 * adverse events within 24 hours to …") answers it.
 */
function answersAlone(best: ScoredCandidate, profile: QuestionProfile): boolean {
  return profile.intents.some((i) => i.answersAlone && i.shows.test(foldText(best.candidate.text)));
}

/** A field policy's sentence in the answer to a question about a product. */
const POLICY_FOR_PRODUCT_PENALTY = 0.2;

/**
 * In a question about a product, the product's facts answer better than how field colleagues
 * must work ("Discuss only the indications … in the approved Prescribing Information" is not
 * what Zorvex is for): a policy sentence loses POLICY_FOR_PRODUCT_PENALTY — unless it states
 * something of the question no product passage does ("can I take a doctor to dinner to talk
 * about Calmira?": only the policy speaks of meals).
 */
function withPolicyPenalty(scored: ScoredCandidate[]): ScoredCandidate[] {
  const elsewhere = new Set(scored.filter((s) => s.candidate.chunk.docType !== 'policy').flatMap((s) => [...s.matched]));
  return scored.map((s) =>
    s.candidate.chunk.docType === 'policy' && ![...s.matched].some((id) => !elsewhere.has(id)) ? { ...s, score: s.score - POLICY_FOR_PRODUCT_PENALTY } : s,
  );
}

const ASKS_PERCENTAGE = /%|\bpercent(?:age)?s?\b|百分/;
const STATES_PERCENTAGE = /%|\bpercent|百分/i;

/**
 * "% of pts w/ headache on viagra 100 mg" asks for a figure: a sentence that states none (a study
 * narrative about four subjects) does not answer it, however many of its words it shares; and a
 * percentage about something else ("63% … reported an improvement in their erections") does not
 * either — the sentence must state every glossary concept of the question the passages state.
 */
function asksPercentage(foldedQuestion: string): boolean {
  return ASKS_PERCENTAGE.test(foldedQuestion);
}

/** The sentence, or the caption of its table, gives a percentage. */
function statesPercentage(s: ScoredCandidate): boolean {
  return STATES_PERCENTAGE.test(s.candidate.text) || STATES_PERCENTAGE.test(s.candidate.caption ?? '');
}

/**
 * Words of the figure rather than of the topic: "mg" of "100 mg" (the row "Headache | 16% | 21% |
 * 28% |" leaves it to its table header) and "percent" itself (the "%" states it).
 */
const FIGURE_WORDS: ReadonlySet<string> = new Set(['mg', 'mcg', 'µg', 'g', 'ml', 'kg', 'milligram', '毫克', '微克', '毫升', 'perc', 'percent', 'percentag', '百分']);

function statesEveryKnown(candidate: ScoredCandidate, concepts: readonly Concept[], present: ReadonlySet<string>): boolean {
  const figure = (c: Concept) => c.alternatives.some((a) => a.tokens.length === 1 && FIGURE_WORDS.has(a.tokens[0] as string));
  return concepts.filter((c) => c.known && !c.weak && !figure(c) && c.importance >= 0.9 && present.has(c.id)).every((c) => candidate.matched.has(c.id));
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
