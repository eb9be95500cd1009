import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { EmbeddingConfig } from '../../config/config.js';
import { HashedNgramEmbeddings } from './hashed-ngram-embeddings.js';
import type { EmbeddingModel } from './embedding-model.js';

/** One factory for every embedding provider; `local` needs no network and no download. */
export function createEmbeddings(config: EmbeddingConfig): EmbeddingModel {
  switch (config.provider) {
    case 'local':
      return new HashedNgramEmbeddings();
    case 'openai':
      return withId(
        `openai:${config.model}`,
        new OpenAIEmbeddings({ model: config.model, apiKey: config.apiKey, maxRetries: 1 }),
      );
    case 'openai-compatible':
      return withId(
        `openai-compatible:${config.baseUrl}:${config.model}`,
        new OpenAIEmbeddings({
          model: config.model,
          apiKey: config.apiKey ?? 'not-needed',
          maxRetries: 1,
          configuration: { baseURL: config.baseUrl },
        }),
      );
    case 'ollama':
      return withId(
        `ollama:${config.model}`,
        new OllamaEmbeddings({ model: config.model, baseUrl: config.baseUrl ?? 'http://localhost:11434' }),
      );
  }
}

function withId(modelId: string, inner: EmbeddingsInterface): EmbeddingModel {
  return {
    modelId,
    embedDocuments: (texts) => inner.embedDocuments(texts),
    embedQuery: (text) => inner.embedQuery(text),
  };
}
