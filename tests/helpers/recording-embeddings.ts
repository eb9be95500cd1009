import { HashedNgramEmbeddings } from '../../src/retrieval/embeddings/hashed-ngram-embeddings.js';

/**
 * The real local embedding model, recording every text it is asked to embed, so tests can
 * prove which files an ingest re-embedded. Extends the real class, so the retriever treats it
 * exactly like the default model.
 */
export class RecordingEmbeddings extends HashedNgramEmbeddings {
  readonly documentCalls: string[][] = [];
  failOnText: RegExp | null = null;

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.documentCalls.push([...texts]);
    if (this.failOnText && texts.some((t) => this.failOnText?.test(t))) throw new Error('embedding server unavailable');
    return super.embedDocuments(texts);
  }

  embeddedTexts(): string[] {
    return this.documentCalls.flat();
  }

  reset(): void {
    this.documentCalls.length = 0;
  }
}
