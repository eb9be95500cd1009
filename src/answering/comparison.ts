import type { Audience, Language, ProductCard } from '../knowledge/types.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import { foldText } from '../text/tokenize.js';
import { chunkSentences } from './extract/chunk-sentences.js';
import { sentenceLanguage } from './extract/sentence-score.js';
import type { Quote } from './quote-citations.js';
import type { ComparisonLexicon } from './routing/routing-lexicon.js';
import { type TermSet, nameTermSet } from './routing/term-set.js';

/** A question that compares a product with its competitors ("is Zorvex better than atorvastatin?"). */
export interface Comparison {
  product: ProductCard;
  /** The competitors named, as product.yaml spells them; empty when the question names a class ("other statins"). */
  competitors: string[];
}

const competitorSets = new WeakMap<ProductCard, TermSet>();

/** The product's competitors (product.yaml) as a term set: whole words in English, substrings in Chinese. */
function competitorsOf(product: ProductCard): TermSet {
  let set = competitorSets.get(product);
  if (!set) {
    set = nameTermSet(product.competitors);
    competitorSets.set(product, set);
  }
  return set;
}

/**
 * The comparison a question asks for: a comparative cue ("better", "vs", "比…好") and a
 * competitor of one of the products it is about, by name or by class. An interaction question
 * ("can Zorvex be taken with atorvastatin?") has no cue and is not one. Pure.
 */
export function detectComparison(question: string, targets: readonly ProductCard[], lexicon: ComparisonLexicon): Comparison | null {
  const folded = foldText(question);
  if (!lexicon.cues.test(folded)) return null;
  for (const product of targets) {
    const named = namedCompetitors(folded, product);
    if (named.length > 0 || lexicon.others.test(folded)) return { product, competitors: named };
  }
  return null;
}

/** The product's competitors a text names (folded text: see foldText), as product.yaml spells them. */
export function namedCompetitors(folded: string, product: ProductCard): string[] {
  const spans = competitorsOf(product).find(folded);
  if (spans.length === 0) return [];
  return product.competitors.filter((name) => spans.some((s) => s.text.startsWith(foldText(name))));
}

/**
 * "Can Zorvex be taken with atorvastatin?" is answered only by a sentence that names a
 * competitor the question names: sentences about other drugs, or about taking Zorvex, say
 * nothing about the two together. True when the question names none.
 */
export function answersAboutCompetitors(question: string, targets: readonly ProductCard[], sentences: readonly string[]): boolean {
  const folded = foldText(question);
  for (const product of targets) {
    if (namedCompetitors(folded, product).length === 0) continue;
    return sentences.some((s) => competitorsOf(product).test(foldText(s)));
  }
  return true;
}

/** Passages searched for the product's statements about comparison, per language asked in. */
const SEARCH_K = 12;
const MAX_STATEMENTS = 2;
const QUERY_WORDS: Record<Language, string> = { en: 'head-to-head comparison', zh: '头对头 比较' };

/**
 * The product's approved statements about comparison, in the rep's language when there are
 * any: sentences that speak of head-to-head comparison ("Calmira has not been studied in
 * head-to-head trials against adalimumab"), or, outside objection scripts (which quote doctors),
 * that name a competitor with a comparative cue. Objection handlers count: they are approved
 * material, and their comparison statements are written for exactly this question.
 */
export async function comparisonStatements(
  kb: KnowledgeBase,
  comparison: Comparison,
  lexicon: ComparisonLexicon,
  language: Language,
  audiences?: Audience[],
): Promise<Quote[]> {
  const { product } = comparison;
  const found = new Map<string, Quote>();
  for (const lang of [language, language === 'en' ? 'zh' : 'en'] as const) {
    const query = `${product.name} ${QUERY_WORDS[lang]} ${comparison.competitors.join(' ')}`;
    const hits = await kb.search(query, { k: SEARCH_K, product: product.slug, ...(audiences ? { audiences } : {}) });
    for (const [i, hit] of hits.entries()) {
      if (hit.chunk.product !== product.slug) continue;
      for (const sentence of chunkSentences(hit.chunk, i)) {
        const folded = foldText(sentence.text);
        const statement = lexicon.headToHead.test(folded) || (hit.chunk.docType !== 'objection-handler' && competitorsOf(product).test(folded) && lexicon.cues.test(folded));
        if (statement && !found.has(sentence.text)) found.set(sentence.text, { text: sentence.text, chunk: hit.chunk });
      }
    }
  }
  const all = [...found.values()];
  const mine = all.filter((q) => sentenceLanguage(q.text) === language);
  return (mine.length > 0 ? mine : all).slice(0, MAX_STATEMENTS);
}
