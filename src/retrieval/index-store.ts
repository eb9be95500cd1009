import fs from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { RepbotError, describeError } from '../core/errors.js';
import { syncDirectory, syncFilesIn, writeFileAtomic } from '../core/atomic-file.js';
import type { DocumentMeta, SkippedFile } from '../knowledge/types.js';
import { KeywordIndex, type KeywordIndexJson } from './keyword-index.js';
import { syncKeywordIndex } from './keyword-item.js';
import { VectorIndex } from './vector-index.js';

export const MANIFEST_VERSION = 1;

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
      const dir = path.join(this.root, generation);
      const vectors = await VectorIndex.load(dir, embeddings, ef);
      const keyword = await readKeywordIndex(path.join(dir, KEYWORD_FILE), vectors);
      return { generation, manifest, vectors, keyword };
    } catch (error) {
      throw new RepbotError('INDEX_CORRUPT', `The index generation ${generation} cannot be loaded: ${describeError(error)}`, {
        cause: error,
        hint: 'Run `repbot ingest --rebuild` to build the index again from the knowledge folder.',
      });
    }
  }

  /** Writes a new generation and makes it current. Returns its name. */
  async commit(vectors: VectorIndex, keyword: KeywordIndex, manifest: Manifest): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    const generation = `gen-${Date.now().toString(36)}-${process.pid.toString(36)}`;
    const staging = path.join(this.root, `.staging-${generation}`);
    await fs.rm(staging, { recursive: true, force: true });
    await vectors.save(staging);
    await fs.writeFile(path.join(staging, KEYWORD_FILE), JSON.stringify(keyword.toJSON()));
    await fs.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest));
    await syncFilesIn(staging);
    const finalDir = path.join(this.root, generation);
    await fs.rename(staging, finalDir);
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

  private async removeOldGenerations(keep: Array<string | null>): Promise<void> {
    const entries = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const name of entries) {
      const stale = (name.startsWith('gen-') && !keep.includes(name)) || name.startsWith('.staging-');
      if (stale) await fs.rm(path.join(this.root, name), { recursive: true, force: true });
    }
  }
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
