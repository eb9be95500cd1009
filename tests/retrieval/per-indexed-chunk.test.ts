import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/knowledge/types.js';
import { perIndexedChunk } from '../../src/retrieval/per-indexed-chunk.js';

const chunk = (text: string): Chunk => ({
  id: `c#${text}`,
  text,
  file: 'zorvex/label.md',
  title: 'Zorvex label',
  page: null,
  section: null,
  product: 'zorvex',
  docType: 'label',
  approvalCode: 'MLR-1',
  status: 'approved',
  approvedOn: null,
  expiresOn: null,
  audience: 'internal',
  language: 'en',
});

describe('perIndexedChunk', () => {
  it('keeps the value of an indexed (frozen) chunk, and works out any other chunk every time', () => {
    const seen: string[] = [];
    const length = perIndexedChunk((c) => {
      seen.push(c.text);
      return c.text.length;
    });
    const indexed = Object.freeze(chunk('indexed'));
    expect([length(indexed), length(indexed)]).toEqual([7, 7]);
    const loose = chunk('loose');
    expect(length(loose)).toBe(5);
    loose.text = 'changed';
    expect(length(loose)).toBe(7);
    expect(seen).toEqual(['indexed', 'loose', 'changed']);
  });
});
