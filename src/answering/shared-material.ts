import type { Chunk, ProductCard } from '../knowledge/types.js';
import { perIndexedChunk } from '../retrieval/per-indexed-chunk.js';
import { foldText } from '../text/tokenize.js';
import type { ConditionConcept } from './routing/routing-lexicon.js';

/** Shared material for every product whatever it says: how field colleagues work. */
const ALWAYS_SHARED: ReadonlySet<string> = new Set(['policy', 'training']);

/** What is worked out once per word list: the conditions of each indexed passage and of each product card. */
interface ConditionMemo {
  passage: (chunk: Chunk) => ReadonlySet<string>;
  product: WeakMap<ProductCard, ReadonlySet<string>>;
}
const memos = new WeakMap<readonly ConditionConcept[], ConditionMemo>();

function memoFor(conditions: readonly ConditionConcept[]): ConditionMemo {
  let memo = memos.get(conditions);
  if (!memo) {
    memo = { passage: perIndexedChunk((c) => namedConditions(`${c.title}\n${c.section ?? ''}\n${c.text}`, conditions)), product: new WeakMap() };
    memos.set(conditions, memo);
  }
  return memo;
}

/** The conditions (off-label word list) the product's approved indications name. */
function productConditions(product: ProductCard, conditions: readonly ConditionConcept[]): ReadonlySet<string> {
  const { product: known } = memoFor(conditions);
  let ids = known.get(product);
  if (!ids) {
    ids = namedConditions(product.indications.join('\n'), conditions);
    known.set(product, ids);
  }
  return ids;
}

function namedConditions(text: string, conditions: readonly ConditionConcept[]): Set<string> {
  const folded = foldText(text);
  return new Set(conditions.filter((c) => c.terms.test(folded)).map((c) => c.id));
}

/**
 * Whether a passage may answer a question about these products. Product material may (the
 * search has already kept to the products); so may shared policies, and shared clinical
 * material (a guideline) that names none of the conditions repbot knows. Shared clinical
 * material that names conditions answers only for a product indicated for one of them: a lipid
 * guideline's "Measure liver enzymes before starting a statin" does not answer "what lab tests
 * before starting Calmira?". Limits: reads the passage's title, section and text, not the whole
 * document; a product card without indications takes every shared passage.
 */
export function sharedMaterialFits(chunk: Chunk, targets: readonly ProductCard[], conditions: readonly ConditionConcept[]): boolean {
  if (chunk.product !== '_shared' || targets.length === 0 || ALWAYS_SHARED.has(chunk.docType)) return true;
  const about = memoFor(conditions).passage(chunk);
  if (about.size === 0) return true;
  return targets.some((product) => {
    const indicated = productConditions(product, conditions);
    return indicated.size === 0 || [...about].some((id) => indicated.has(id));
  });
}
