import { type GroundingSource, passageOf } from '../compliance/grounding.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';

/** Passages searched per sentence: enough to find the one that states a figure, few enough to stay fast. */
const DEFAULT_K = 5;

/**
 * Grounding against the indexed approved knowledge, for drafts that cite nothing (`repbot
 * check`): the passages the knowledge base finds for a sentence — approved and unexpired today,
 * in the draft's product and the shared material — are what its numbers and comparisons must
 * agree with.
 */
export function knowledgeGroundingSource(kb: KnowledgeBase, options: { k?: number } = {}): GroundingSource {
  const k = options.k ?? DEFAULT_K;
  return {
    async findSupport(sentence, scope = {}) {
      const hits = await kb.search(sentence, { k, mode: 'keyword', ...(scope.product ? { product: scope.product } : {}) });
      return hits.map(({ chunk }) => passageOf(chunk));
    },
  };
}
