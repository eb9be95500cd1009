import type { Chunk } from './types.js';

/** The text a chunk is embedded and keyword-indexed as: its section heading gives it context. */
export function embeddingText(chunk: Pick<Chunk, 'section' | 'text'>): string {
  return chunk.section ? `${chunk.section}\n${chunk.text}` : chunk.text;
}
