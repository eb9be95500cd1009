import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * What repbot needs from an embedding model: LangChain's interface plus a stable id.
 * The id is stored with the index; when it changes, every file is embedded again.
 */
export interface EmbeddingModel extends EmbeddingsInterface {
  readonly modelId: string;
}
