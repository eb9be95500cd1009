import fs from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { RepbotError, describeError } from '../core/errors.js';
import { syncDirectory, syncFilesIn, writeFileAtomic } from '../core/atomic-file.js';
import type { Chunk, DocumentMeta, SkippedFile } from '../knowledge/types.js';
import { KeywordIndex, type KeywordIndexJson } from './keyword-index.js';
import { keywordItem, syncKeywordIndex } from './keyword-item.js';
import { decodeVector } from './vector-codec.js';
import { VectorIndex } from './vector-index.js';

export const MANIFEST_VERSION = 2;

export interface IndexedFile {
  /** Hash of the file's bytes, its sidecar and the chunker version. */
  hash: string;
  meta: DocumentMeta;
  labels: number[];
  pages: number | null;
}

export interface IngestSummary {
  at: string;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  ms: number;
}

export interface Manifest {
  formatVersion: number;
  embeddingModelId: string;
  dimensions: number;
  createdAt: string;
  files: Record<string, IndexedFile>;
  skipped: SkippedFile[];
  lastIngest: IngestSummary | null;
  /** The next free vector label; labels are never reused. */
  nextLabel: number;
  /** A full snapshot (in generation `base`) plus small change sets applied in order. */
  layout: { base: string; deltas: string[]; deltaChunks: number };
}

/** What one incremental ingest changed: written as a small file instead of a whole index. */
export interface IndexDelta {
  removed: number[];
  added: Array<{ label: number; chunk: Chunk; vector: string }>;
}

export interface LoadedIndex {
  generation: string;
  manifest: Manifest;
  vectors: VectorIndex;
  /** The keyword index of the same chunks (ids are vector labels). */
  keyword: KeywordIndex;
}

const CURRENT = 'CURRENT';
const KEYWORD_FILE = 'keyword.json';
const DELTA_FILE = 'delta.json';
const LOCK = 'ingest.lock';

/**
 * Index generations under `<dataDir>/index`. A generation is a complete, immutable directory
 * (vectors, docstore, manifest); `CURRENT` names the live one and is replaced by an atomic
 * rename only after the new generation is fully on disk. A crash at any point leaves the
 * previous generation loadable. The live and the previous generation are kept; older ones
 * are removed after each commit.
 */
export class IndexStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'index');
  }

  async currentGeneration(): Promise<string | null> {
    try {
      const name = (await fs.readFile(path.join(this.root, CURRENT), 'utf8')).trim();
      return name === '' ? null : name;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async readManifest(generation?: string): Promise<Manifest | null> {
    const gen = generation ?? (await this.currentGeneration());
    if (!gen) return null;
    const file = path.join(this.root, gen, 'manifest.json');
    try {
      const manifest = JSON.parse(await fs.readFile(file, 'utf8')) as Manifest;
      if (manifest.formatVersion !== MANIFEST_VERSION) return null;
      return manifest;
    } catch (error) {
      throw new RepbotError('INDEX_CORRUPT', `The index manifest ${file} cannot be read.`, {
        cause: error,
        hint: 'Run `repbot ingest --rebuild` to build the index again from the knowledge folder.',
      });
    }
  }

  async load(embeddings: EmbeddingsInterface, ef: number): Promise<LoadedIndex | null> {
    const generation = await this.currentGeneration();
    if (!generation) return null;
    const manifest = await this.readManifest(generation);
    if (!manifest) return null;
    try {
      const dir = path.join(this.root, manifest.layout.base);
      const vectors = await VectorIndex.load(dir, embeddings, ef);
      const keyword = await readKeywordIndex(path.join(dir, KEYWORD_FILE), vectors);
      for (const delta of manifest.layout.deltas) {
        const change = JSON.parse(await fs.readFile(path.join(this.root, delta), 'utf8')) as IndexDelta;
        applyDelta(vectors, keyword, change);
      }
      return { generation, manifest, vectors, keyword };
    } catch (error) {
      throw new RepbotError('INDEX_CORRUPT', `The index generation ${generation} cannot be loaded: ${describeError(error)}`, {
        cause: error,
        hint: 'Run `repbot ingest --rebuild` to build the index again from the knowledge folder.',
      });
    }
  }

  /** Writes a complete generation (vectors, docstore, keyword index) and makes it current. */
  async commitFull(vectors: VectorIndex, keyword: KeywordIndex, manifest: Omit<Manifest, 'layout'>): Promise<string> {
    return this.commitGeneration(async (staging) => {
      await vectors.save(staging);
      await fs.writeFile(path.join(staging, KEYWORD_FILE), JSON.stringify(keyword.toJSON()));
    }, (generation) => ({ ...manifest, layout: { base: generation, deltas: [], deltaChunks: 0 } }));
  }

  /** Writes only what changed since `previous`, on top of its snapshot, and makes it current. */
  async commitDelta(delta: IndexDelta, manifest: Omit<Manifest, 'layout'>, previous: Manifest): Promise<string> {
    return this.commitGeneration(async (staging) => {
      await fs.writeFile(path.join(staging, DELTA_FILE), JSON.stringify(delta));
    }, (generation) => ({
      ...manifest,
      layout: {
        base: previous.layout.base,
        deltas: [...previous.layout.deltas, `${generation}/${DELTA_FILE}`],
        deltaChunks: previous.layout.deltaChunks + delta.added.length + delta.removed.length,
      },
    }));
  }

  private async commitGeneration(write: (staging: string) => Promise<void>, manifestFor: (generation: string) => Manifest): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    const generation = `gen-${Date.now().toString(36)}-${process.pid.toString(36)}`;
    const staging = path.join(this.root, `.staging-${generation}`);
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    await write(staging);
    await fs.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifestFor(generation)));
    await syncFilesIn(staging);
    await fs.rename(staging, path.join(this.root, generation));
    await syncDirectory(this.root);
    const previous = await this.currentGeneration();
    await writeFileAtomic(path.join(this.root, CURRENT), `${generation}\n`);
    await this.removeOldGenerations([generation, previous]);
    return generation;
  }

  /**
   * One ingest at a time per data directory. A lock left by a killed process is taken over
   * when that process no longer exists.
   */
  async acquireLock(): Promise<() => Promise<void>> {
    await fs.mkdir(this.root, { recursive: true });
    const file = path.join(this.root, LOCK);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await fs.open(file, 'wx');
        await handle.writeFile(String(process.pid));
        await handle.close();
        return async () => {
          await fs.rm(file, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
          throw new RepbotError('INDEX_LOCKED', `Another ingest (process ${holder}) is updating the index in ${this.root}.`, {
            hint: 'Wait for it to finish, then run the command again.',
          });
        }
        await fs.rm(file, { force: true });
      }
    }
    throw new RepbotError('INDEX_LOCKED', `Could not lock the index in ${this.root}.`, {
      hint: `Delete ${file} if no other repbot process is running.`,
    });
  }

  /** Keeps the live and previous generations and every generation their layouts read from. */
  private async removeOldGenerations(live: Array<string | null>): Promise<void> {
    const keep = new Set<string>();
    for (const generation of live) {
      if (!generation) continue;
      keep.add(generation);
      const manifest = await this.readManifest(generation).catch(() => null);
      if (!manifest) continue;
      keep.add(manifest.layout.base);
      for (const delta of manifest.layout.deltas) keep.add(delta.split('/')[0] ?? '');
    }
    const entries = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const name of entries) {
      const stale = (name.startsWith('gen-') && !keep.has(name)) || name.startsWith('.staging-');
      if (stale) await fs.rm(path.join(this.root, name), { recursive: true, force: true });
    }
  }
}

/** Removals and additions of one ingest, with vectors decoded. */
export interface IndexChange {
  removed: number[];
  added: Array<{ labels: number[]; chunks: Chunk[]; vectors: number[][] }>;
}

export function applyChange(vectors: VectorIndex, keyword: KeywordIndex, change: IndexChange): void {
  vectors.remove(change.removed);
  for (const label of change.removed) keyword.remove(String(label));
  for (const { labels, chunks, vectors: vs } of change.added) {
    vectors.addAt(labels, chunks, vs);
    labels.forEach((label, i) => keyword.add(keywordItem(label, chunks[i] as Chunk)));
  }
}

function applyDelta(vectors: VectorIndex, keyword: KeywordIndex, delta: IndexDelta): void {
  applyChange(vectors, keyword, {
    removed: delta.removed,
    added: [
      {
        labels: delta.added.map((a) => a.label),
        chunks: delta.added.map((a) => a.chunk),
        vectors: delta.added.map((a) => decodeVector(a.vector)),
      },
    ],
  });
}

/** The saved keyword index, or one rebuilt from the chunks when it is missing or unreadable. */
async function readKeywordIndex(file: string, vectors: VectorIndex): Promise<KeywordIndex> {
  try {
    const keyword = KeywordIndex.fromJSON(JSON.parse(await fs.readFile(file, 'utf8')) as KeywordIndexJson);
    // Written in the same generation as the vectors; a size mismatch means it is stale.
    return keyword.size === vectors.size ? keyword : syncKeywordIndex(keyword, vectors);
  } catch {
    return syncKeywordIndex(new KeywordIndex(), vectors);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
