import { normalizeText } from '../text/normalize.js';
import { memoized } from '../core/memo.js';
import type { ProductCard } from '../knowledge/types.js';

export interface ProductMention {
  slug: string;
  /** The words in the query that named it. */
  matched: string[];
}

/**
 * Finds the products a question names by brand, generic or Chinese name (from product.yaml).
 * Latin names match on word boundaries, case-insensitively; Chinese names as substrings.
 */
export function findProductMentions(query: string, products: ProductCard[]): ProductMention[] {
  const text = normalizeText(query).toLowerCase();
  const words = text.match(/[a-z]+/g) ?? [];
  const mentions: ProductMention[] = [];
  for (const product of products) {
    const names = [product.name, product.slug, ...product.aliases].filter((n) => n.trim().length >= 2);
    const matched = names.filter((name) => containsName(text, name.toLowerCase()) || containsTypo(words, name.toLowerCase()));
    if (matched.length > 0) mentions.push({ slug: product.slug, matched });
  }
  return mentions;
}

/** A name as a whole word, compiled once per name (product names are few), not per question. */
const namePattern = memoized((name: string) => {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u');
}, 10_000);

export function containsName(text: string, name: string): boolean {
  if (/[\u3400-\u9fff]/.test(name)) return text.includes(name);
  return namePattern(name).test(text);
}

/** Reps type fast: "humria", "sildenfil", "liptor" still name the product (one edit, names of 5+ letters). */
function containsTypo(words: readonly string[], name: string): boolean {
  if (name.length < 5 || /[^a-z]/.test(name)) return false;
  return words.some((word) => Math.abs(word.length - name.length) <= 1 && editDistance(word, name) <= 1);
}

/** Optimal string alignment distance (insertions, deletions, substitutions, transpositions). */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: a transposition looks two rows back.
  let before = new Uint16Array(b.length + 1);
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] as number) + 1);
      row[j] = v;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] as number;
}
