import { normalizeText } from '../text/normalize.js';
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
  const mentions: ProductMention[] = [];
  for (const product of products) {
    const names = [product.name, product.slug, ...product.aliases].filter((n) => n.trim().length >= 2);
    const matched = names.filter((name) => containsName(text, name.toLowerCase()) || containsTypo(text, name.toLowerCase()));
    if (matched.length > 0) mentions.push({ slug: product.slug, matched });
  }
  return mentions;
}

/** Compiled name patterns, by name (product names are few; each is compiled once, not per question). */
const namePatterns = new Map<string, RegExp>();

export function containsName(text: string, name: string): boolean {
  if (/[\u3400-\u9fff]/.test(name)) return text.includes(name);
  let pattern = namePatterns.get(name);
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u');
    if (namePatterns.size >= 10_000) namePatterns.clear();
    namePatterns.set(name, pattern);
  }
  return pattern.test(text);
}

/** Reps type fast: "humria", "sildenfil", "liptor" still name the product (one edit, names of 5+ letters). */
function containsTypo(text: string, name: string): boolean {
  if (name.length < 5 || /[^a-z]/.test(name)) return false;
  return (text.match(/[a-z]+/g) ?? []).some((word) => Math.abs(word.length - name.length) <= 1 && editDistance(word, name) <= 1);
}

/** Optimal string alignment distance (insertions, deletions, substitutions, transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
