import type { Audience, Chunk, ProductCard } from '../../knowledge/types.js';
import type { KnowledgeBase, SearchHit } from '../../retrieval/knowledge-base.js';
import { perIndexedChunk } from '../../retrieval/per-indexed-chunk.js';
import { type LabelFacts, NO_FACTS, labelSentences, limitationsIn, maxDosesIn } from './label-facts.js';
import type { QuestionScope } from './off-label-detector.js';
import type { OffLabelLexicon } from './routing-lexicon.js';

// One search per language: a query mixing both ranks neither language's passages well.
const DOSE_QUERIES = ['maximum recommended dose dosage range', '最大推荐剂量 剂量范围'];
const PEDIATRIC_QUERIES = ['pediatric use safety and effectiveness not established children not indicated not approved', '儿童 尚未确立 未获批'];
const WOMEN_QUERIES = ['not indicated for use in women', '女性 未获批'];
const K = 8;

/**
 * Reads what a product's approved, unexpired material says about maximum doses and limited
 * populations — only what the question needs (a dose, children, women): the passages already
 * retrieved for the question plus one targeted search per need. Searches run through the
 * knowledge base, so approval and expiry are checked today.
 */
export async function gatherLabelFacts(
  kb: KnowledgeBase,
  product: ProductCard,
  scope: QuestionScope,
  lexicon: OffLabelLexicon,
  retrieved: readonly SearchHit[],
  audiences?: Audience[],
): Promise<LabelFacts> {
  const queries = [
    ...(scope.doses.length > 0 ? DOSE_QUERIES : []),
    ...(scope.population?.kind === 'pediatric' ? PEDIATRIC_QUERIES : []),
    ...(scope.population?.kind === 'women' ? WOMEN_QUERIES : []),
  ];
  if (queries.length === 0) return NO_FACTS;
  const searched = await Promise.all(queries.map((q) => kb.standingSearch(`${product.name} ${q}`, { product: product.slug, k: K, audiences })));
  const seen = new Set<string>();
  const chunks = [...retrieved, ...searched.flat()]
    .map((h) => h.chunk)
    .filter((c) => c.product === product.slug && !seen.has(c.id) && seen.add(c.id));
  const facts = chunks.map((chunk) => chunkFacts(chunk, lexicon));
  return { maxDoses: facts.flatMap((f) => f.maxDoses), limitations: facts.flatMap((f) => f.limitations) };
}

/** What each indexed passage states, read once per lexicon: the same passages answer question after question. */
const factsOf = new WeakMap<OffLabelLexicon, (chunk: Chunk) => LabelFacts>();

function chunkFacts(chunk: Chunk, lexicon: OffLabelLexicon): LabelFacts {
  let facts = factsOf.get(lexicon);
  if (!facts) {
    facts = perIndexedChunk((c) => {
      const sentences = labelSentences([c]);
      return { maxDoses: maxDosesIn(sentences, lexicon), limitations: limitationsIn(sentences, lexicon) };
    });
    factsOf.set(lexicon, facts);
  }
  return facts(chunk);
}
