import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file.js';
import type { Chunk, DocumentMeta } from '../knowledge/types.js';
import { decodeVector, encodeVector } from './vector-codec.js';

export interface CachedFile {
  meta: DocumentMeta;
  pages: number | null;
  chunks: Chunk[];
  vectors: number[][];
}

/**
 * Chunks and vectors of one file version, keyed by embedding model and content hash, so a file
 * that did not change (or changed back) is never re-read or re-embedded, and a full rebuild
 * after a crash or compaction costs no embedding calls.
 *
 * Limits: entries are never evicted; `prune` drops entries of hashes no longer in use.
 */
export class EmbeddingCache {
  private readonly dir: string;

  constructor(dataDir: string, modelId: string) {
    this.dir = path.join(dataDir, 'cache', modelId.replace(/[^A-Za-z0-9._-]+/g, '_'));
  }

  async get(hash: string): Promise<CachedFile | null> {
    try {
      const raw = JSON.parse(await fs.readFile(this.file(hash), 'utf8')) as Omit<CachedFile, 'vectors'> & { vectors: string[] };
      return { ...raw, vectors: raw.vectors.map(decodeVector) };
    } catch {
      return null;
    }
  }

  async put(hash: string, entry: CachedFile): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const body = JSON.stringify({ ...entry, vectors: entry.vectors.map(encodeVector) });
    await writeFileAtomic(this.file(hash), body);
  }

  async prune(keep: Set<string>): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.json') && !keep.has(name.slice(0, -5))) await fs.rm(path.join(this.dir, name), { force: true });
    }
  }

  private file(hash: string): string {
    return path.join(this.dir, `${hash}.json`);
  }
}
