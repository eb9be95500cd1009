import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { createEmbeddings } from '../../src/retrieval/embeddings/create-embeddings.js';
import { HashedNgramEmbeddings } from '../../src/retrieval/embeddings/hashed-ngram-embeddings.js';
import { createServices } from '../../src/services/create-services.js';
import { approved, frontMatter, tempDir, writeKnowledge } from '../helpers/temp-knowledge.js';

/**
 * A local OpenAI-compatible embeddings server (POST /v1/embeddings), so the real LangChain
 * OpenAI client is exercised end to end without a network. It embeds with the local model
 * and records every request.
 */
function startFakeEmbeddingServer() {
  const local = new HashedNgramEmbeddings({ dimensions: 64 });
  const requests: Array<{ model: string; input: string[]; auth: string | undefined }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      if (req.url !== '/v1/embeddings') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as { model: string; input: string | string[] };
      const input = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
      requests.push({ model: parsed.model, input, auth: req.headers.authorization });
      const vectors = await local.embedDocuments(input);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: parsed.model,
          data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  return { server, requests };
}

describe('OpenAI-compatible embedding provider', () => {
  const fake = startFakeEmbeddingServer();
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));

  it('indexes and searches through the real LangChain client, and records the model id', async () => {
    const kb = writeKnowledge({
      'zorvex/product.yaml': 'name: Zorvex\n',
      'zorvex/dosing.md': frontMatter(approved('Zorvex dosing', 'MLR-2025-0001'), '## Dose\nThe maximum dose is 40 mg once daily.\n'),
    });
    const env = {
      REPBOT_EMBEDDINGS: 'openai-compatible',
      REPBOT_EMBEDDINGS_BASE_URL: baseUrl,
      REPBOT_EMBEDDINGS_MODEL: 'bge-test',
      REPBOT_EMBEDDINGS_API_KEY: 'secret-key',
    };
    const config = loadConfig(env, { knowledgeDir: kb, dataDir: tempDir() });
    const embeddings = createEmbeddings(config.embeddings);
    expect(embeddings.modelId).toBe(`openai-compatible:${baseUrl}:bge-test`);

    const services = await createServices(config, { clock: fixedClock('2026-01-01T00:00:00Z') });
    const report = await services.ingest();
    expect(report.added).toBe(1);
    expect(fake.requests.some((r) => r.model === 'bge-test' && r.input.some((t) => t.includes('40 mg')))).toBe(true);
    expect(fake.requests.every((r) => r.auth === 'Bearer secret-key')).toBe(true);
    expect((await services.search('maximum dose'))[0]?.approvalCode).toBe('MLR-2025-0001');
    expect((await services.status()).embeddingModel).toBe(`openai-compatible:${baseUrl}:bge-test`);
  });

  it('fails the ingest with a clear error when the provider is down, keeping nothing half-written', async () => {
    const kb = writeKnowledge({
      'zorvex/dosing.md': frontMatter(approved('Zorvex dosing', 'MLR-2025-0001'), '## Dose\nText.\n'),
    });
    const config = loadConfig(
      { REPBOT_EMBEDDINGS: 'openai-compatible', REPBOT_EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1', REPBOT_EMBEDDINGS_MODEL: 'm' },
      { knowledgeDir: kb, dataDir: tempDir() },
    );
    const services = await createServices(config);
    await expect(services.ingest()).rejects.toMatchObject({ code: 'EMBEDDING_FAILED', hint: expect.stringMatching(/REPBOT_EMBEDDINGS=local/) });
    expect((await services.status()).index).toBeNull();
  });
});
