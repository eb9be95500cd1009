import { describe, expect, it } from 'vitest';
import { editDistance, findProductMentions } from '../../src/retrieval/product-matcher.js';
import type { ProductCard } from '../../src/knowledge/types.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['humira', 'humira', 0],
    ['humria', 'humira', 1],
    ['liptor', 'lipitor', 1],
    ['sildenfil', 'sildenafil', 1],
    ['lipitorr', 'lipitor', 1],
    ['lipotir', 'lipitor', 2],
    ['', 'abc', 3],
    ['abc', '', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('findProductMentions', () => {
  const products = [
    { slug: 'humira', name: 'Humira', aliases: ['adalimumab', '修美乐'] },
    { slug: 'lipitor', name: 'Lipitor', aliases: ['atorvastatin'] },
  ] as unknown as ProductCard[];

  it('finds names, aliases and one-letter typos of long names', () => {
    expect(findProductMentions('max dose of humria?', products).map((m) => m.slug)).toEqual(['humira']);
    expect(findProductMentions('修美乐的剂量', products).map((m) => m.slug)).toEqual(['humira']);
    expect(findProductMentions('atorvastatn and adalimumab', products).map((m) => m.slug)).toEqual(['humira', 'lipitor']);
    expect(findProductMentions('what is the dose?', products)).toEqual([]);
  });
});
