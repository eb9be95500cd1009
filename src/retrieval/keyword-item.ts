import type { Chunk } from '../knowledge/types.js';
import type { KeywordIndex } from './keyword-index.js';
import type { VectorIndex } from './vector-index.js';

/** How a chunk is keyword-indexed: its text, with title and section as weighted fields. */
export function keywordItem(label: number, chunk: Pick<Chunk, 'text' | 'title' | 'section'>) {
  return { id: String(label), text: chunk.text, fields: [chunk.title, chunk.section].filter(Boolean).join('\n') };
}

/** Brings a keyword index in line with the live chunks of a vector index: drops the gone, adds the new. */
export function syncKeywordIndex(keyword: KeywordIndex, vectors: VectorIndex): KeywordIndex {
  const live = new Set<string>();
  for (const { label, chunk } of vectors.chunks()) {
    const id = String(label);
    live.add(id);
    if (!keyword.has(id)) keyword.add(keywordItem(label, chunk));
  }
  for (const id of keyword.liveIds()) if (!live.has(id)) keyword.remove(id);
  return keyword;
}
