import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/retrieval/keyword-index.js';
import { tokenize } from '../../src/text/tokenize.js';

// A mask (the filter worked out once per item) must rank exactly as the same filter asked per item.
describe('KeywordIndex masks', () => {
  const words = ['dose', 'maximum', 'children', 'storage', 'refrigerate', 'rash', 'liver', 'pregnancy', 'tablet', '剂量', '儿童', '保存'];
  const items = Array.from({ length: 400 }, (_, i) => ({
    id: String(i),
    text: Array.from({ length: 3 + (i % 7) }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' '),
    fields: i % 5 === 0 ? 'Dosage and Administration' : undefined,
  }));
  const queries = ['maximum dose children', 'storage refrigerate', 'rash liver', '儿童剂量', 'pregnancy tablet dose'];
  const filters: Array<(id: string) => boolean> = [(id) => Number(id) % 3 === 0, (id) => Number(id) < 20, () => true, () => false, (id) => id.endsWith('7')];

  it('ranks as the per-item filter does, and follows changes to the index', () => {
    const index = KeywordIndex.build(items);
    for (const accept of filters) {
      const mask = index.mask(accept);
      for (const q of queries) {
        const terms = tokenize(q).map((term) => ({ term, weight: 1 }));
        for (const k of [1, 5, 40]) expect(index.search(terms, k, mask)).toEqual(index.search(terms, k, accept));
      }
    }
    const mask = index.mask(filters[0] as (id: string) => boolean);
    for (let i = 0; i < 300; i++) index.remove(String(i));
    index.add({ id: '999', text: 'maximum dose children' });
    const terms = tokenize('maximum dose children').map((term) => ({ term, weight: 1 }));
    expect(index.search(terms, 10, mask)).toEqual(index.search(terms, 10, filters[0]));
  });
});
