import fs from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';
import type { Chunk } from '../knowledge/types.js';

export type ChunkMetadata = Omit<Chunk, 'text'>;

export interface VectorHit {
  label: number;
  chunk: Chunk;
  /** Cosine similarity, 1 = identical direction. */
  similarity: number;
}

/**
 * The approved-chunk vector store: LangChain's HNSWLib over hnswlib-node, cosine space.
 *
 * Limits: HNSWLib has no delete, so removed chunks are `markDelete`d and dropped from the
 * docstore; their slots stay in the graph until `compact` rebuilds it. The search `ef` is not
 * persisted by hnswlib, so it is set again on every load.
 */
export class VectorIndex {
  private constructor(
    private readonly store: HNSWLib,
    private readonly ef: number,
  ) {}

  static create(embeddings: EmbeddingsInterface, dimensions: number, ef: number): VectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    // M=16, efConstruction=100, fixed seed: the same input always builds the same graph.
    index.initIndex(1024, 16, 100, 100);
    index.setEf(ef);
    const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: dimensions, index });
    return new VectorIndex(store, ef);
  }

  static async load(directory: string, embeddings: EmbeddingsInterface, ef: number): Promise<VectorIndex> {
    const store = await HNSWLib.load(directory, embeddings);
    store.index.setEf(ef);
    return new VectorIndex(store, ef);
  }

  get dimensions(): number {
    return this.store.args.numDimensions ?? 0;
  }

  /** Number of live (not deleted) chunks. */
  get size(): number {
    return this.store.docstore._docs.size;
  }

  /** Slots used in the graph, including deleted ones. */
  get slots(): number {
    return this.store.index.getCurrentCount();
  }

  chunks(): Array<{ label: number; chunk: Chunk }> {
    const out: Array<{ label: number; chunk: Chunk }> = [];
    for (const [label, doc] of this.store.docstore._docs) out.push({ label: Number(label), chunk: toChunk(doc) });
    return out;
  }

  /** Label and metadata of every live chunk, without copying texts (for filters built over the whole index). */
  *metadataEntries(): Generator<{ label: number; meta: ChunkMetadata }> {
    for (const [label, doc] of this.store.docstore._docs) yield { label: Number(label), meta: doc.metadata as ChunkMetadata };
  }

  chunk(label: number): Chunk | undefined {
    const doc = this.store.docstore._docs.get(String(label));
    return doc ? toChunk(doc) : undefined;
  }

  /** Metadata of a live chunk, without copying its text (for filters on hot paths). */
  metadata(label: number): ChunkMetadata | undefined {
    return this.store.docstore._docs.get(String(label))?.metadata as ChunkMetadata | undefined;
  }

  vector(label: number): number[] {
    return this.store.index.getPoint(label);
  }

  /** Adds chunks with their vectors under the given labels (labels are never reused). */
  addAt(labels: number[], chunks: Chunk[], vectors: number[][]): void {
    if (labels.length === 0) return;
    const index = this.store.index;
    const needed = Math.max(...labels) + 1;
    if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, Math.ceil(index.getMaxElements() * 1.5)));
    const documents: Record<string, Document> = {};
    labels.forEach((label, i) => {
      const { text, ...metadata } = chunks[i] as Chunk;
      index.addPoint(vectors[i] as number[], label);
      documents[String(label)] = new Document({ pageContent: text, metadata });
    });
    this.store.docstore.add(documents);
  }

  remove(labels: Iterable<number>): void {
    for (const label of labels) {
      if (!this.store.docstore._docs.delete(String(label))) continue;
      this.store.index.markDelete(label);
    }
  }

  search(vector: number[], k: number, accept?: (meta: ChunkMetadata) => boolean): VectorHit[] {
    const live = this.size;
    if (live === 0 || k <= 0) return [];
    const docs = this.store.docstore._docs;
    const filter = accept
      ? (label: number) => {
          const doc = docs.get(String(label));
          return doc !== undefined && accept(doc.metadata as ChunkMetadata);
        }
      : (label: number) => docs.has(String(label));
    const result = this.store.index.searchKnn(vector, Math.min(k, live), filter);
    const hits: VectorHit[] = [];
    result.neighbors.forEach((label, i) => {
      const doc = docs.get(String(label));
      if (doc) hits.push({ label, chunk: toChunk(doc), similarity: 1 - (result.distances[i] ?? 1) });
    });
    return hits;
  }

  async save(directory: string): Promise<void> {
    await fs.mkdir(directory, { recursive: true });
    await this.store.save(directory);
    await fs.access(path.join(directory, 'hnswlib.index'));
  }
}

/**
 * One chunk object per stored document, frozen: every search returns the same object for the
 * same passage, so per-passage work (sentence splitting, tokens) can be kept per chunk
 * (`perIndexedChunk`), and is dropped with the document when a re-index replaces it.
 */
const chunkOf = new WeakMap<Document, Chunk>();

function toChunk(doc: Document): Chunk {
  let chunk = chunkOf.get(doc);
  if (!chunk) {
    chunk = Object.freeze({ ...(doc.metadata as ChunkMetadata), text: doc.pageContent });
    chunkOf.set(doc, chunk);
  }
  return chunk;
}
