import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { LlmConfig } from './llm-config.js';

/**
 * The one place a chat model is built from configuration (LangChain): OpenAI, Anthropic, any
 * OpenAI-compatible server (vLLM, LM Studio, llama.cpp…), or Ollama. Temperature 0: answers
 * must be reproducible. Retries are off: a failure falls back to the extractive answer at once.
 * Null for `none` (offline mode).
 */
export async function createChatModel(config: LlmConfig): Promise<BaseChatModel | null> {
  switch (config.provider) {
    case 'none':
      return null;
    case 'openai':
    case 'openai-compatible': {
      const { ChatOpenAI } = await import('@langchain/openai');
      return new ChatOpenAI({
        model: config.model,
        temperature: 0,
        maxRetries: 0,
        timeout: config.timeoutMs,
        // OpenAI-compatible servers speak chat completions, not the Responses API.
        useResponsesApi: false,
        apiKey: config.apiKey ?? 'not-needed',
        ...(config.baseUrl ? { configuration: { baseURL: config.baseUrl } } : {}),
      });
    }
    case 'ollama': {
      const { ChatOllama } = await import('@langchain/ollama');
      return new ChatOllama({ model: config.model, baseUrl: config.baseUrl, temperature: 0, maxRetries: 0 });
    }
    case 'anthropic': {
      const { ChatAnthropic } = await import('@langchain/anthropic');
      return new ChatAnthropic({
        model: config.model,
        temperature: 0,
        maxRetries: 0,
        apiKey: config.apiKey,
        clientOptions: { timeout: config.timeoutMs },
        ...(config.baseUrl ? { anthropicApiUrl: config.baseUrl } : {}),
      });
    }
  }
}
