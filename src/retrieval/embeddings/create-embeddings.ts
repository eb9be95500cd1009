import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { EmbeddingConfig } from '../../config/config.js';
import { HashedNgramEmbeddings } from './hashed-ngram-embeddings.js';
import type { EmbeddingModel } from './embedding-model.js';

/**
 * One factory for every embedding provider; `local` needs no network and no download. The
 * LangChain clients of the other providers are loaded on first use (importing them takes most
 * of a second, which every command paid before, even offline).
 */
export function createEmbeddings(config: EmbeddingConfig): EmbeddingModel {
  switch (config.provider) {
    case 'local':
      return new HashedNgramEmbeddings();
    case 'openai':
      return withId(`openai:${config.model}`, async () => {
        const { OpenAIEmbeddings } = await import('@langchain/openai');
        return new OpenAIEmbeddings({ model: config.model, apiKey: config.apiKey, maxRetries: 1 });
      });
    case 'openai-compatible':
      return withId(`openai-compatible:${config.baseUrl}:${config.model}`, async () => {
        const { OpenAIEmbeddings } = await import('@langchain/openai');
        return new OpenAIEmbeddings({
          model: config.model,
          apiKey: config.apiKey ?? 'not-needed',
          maxRetries: 1,
          configuration: { baseURL: config.baseUrl },
        });
      });
    case 'ollama':
      return withId(`ollama:${config.model}`, async () => {
        const { OllamaEmbeddings } = await import('@langchain/ollama');
        return new OllamaEmbeddings({ model: config.model, baseUrl: config.baseUrl ?? 'http://localhost:11434' });
      });
  }
}

function withId(modelId: string, load: () => Promise<EmbeddingsInterface>): EmbeddingModel {
  let inner: Promise<EmbeddingsInterface> | null = null;
  const client = () =>
    (inner ??= load().catch((error: unknown) => {
      inner = null;
      throw error;
    }));
  return {
    modelId,
    embedDocuments: async (texts) => (await client()).embedDocuments(texts),
    embedQuery: async (text) => (await client()).embedQuery(text),
  };
}
