import type { Chunk } from '../knowledge/types.js';

/**
 * `compute` for a chunk, kept for the index's chunks (frozen by the vector index, one object per
 * stored passage, dropped with it) and worked out afresh for any other chunk, which may still
 * change.
 */
export function perIndexedChunk<V>(compute: (chunk: Chunk) => V): (chunk: Chunk) => V {
  const values = new WeakMap<Chunk, V>();
  return (chunk) => {
    if (values.has(chunk)) return values.get(chunk) as V;
    const value = compute(chunk);
    if (Object.isFrozen(chunk)) values.set(chunk, value);
    return value;
  };
}
