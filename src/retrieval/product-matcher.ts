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
    const matched = names.filter((name) => containsName(text, name.toLowerCase()));
    if (matched.length > 0) mentions.push({ slug: product.slug, matched });
  }
  return mentions;
}

export function containsName(text: string, name: string): boolean {
  if (/[\u3400-\u9fff]/.test(name)) return text.includes(name);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}
