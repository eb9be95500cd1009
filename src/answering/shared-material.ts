import type { Chunk, ProductCard } from '../knowledge/types.js';
import { perIndexedChunk } from '../retrieval/per-indexed-chunk.js';
import { foldText } from '../text/tokenize.js';
import type { ConditionConcept } from './routing/routing-lexicon.js';

/** Shared material for every product whatever it says: how field colleagues work. */
const ALWAYS_SHARED: ReadonlySet<string> = new Set(['policy', 'training']);

const conditionsOfCard = new WeakMap<ProductCard, ReadonlySet<string>>();

/** The conditions (off-label word list) the product's approved indications name. */
function productConditions(product: ProductCard, conditions: readonly ConditionConcept[]): ReadonlySet<string> {
  let ids = conditionsOfCard.get(product);
  if (!ids) {
    ids = namedConditions(product.indications.join('\n'), conditions);
    conditionsOfCard.set(product, ids);
  }
  return ids;
}

/** The conditions a passage names, worked out once per indexed passage (per word list). */
const passageConditions = new WeakMap<readonly ConditionConcept[], (chunk: Chunk) => ReadonlySet<string>>();
function conditionsOfPassage(chunk: Chunk, conditions: readonly ConditionConcept[]): ReadonlySet<string> {
  let of = passageConditions.get(conditions);
  if (!of) {
    of = perIndexedChunk((c) => namedConditions(`${c.title}\n${c.section ?? ''}\n${c.text}`, conditions));
    passageConditions.set(conditions, of);
  }
  return of(chunk);
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
  const about = conditionsOfPassage(chunk, conditions);
  if (about.size === 0) return true;
  return targets.some((product) => {
    const indicated = productConditions(product, conditions);
    return indicated.size === 0 || [...about].some((id) => indicated.has(id));
  });
}
