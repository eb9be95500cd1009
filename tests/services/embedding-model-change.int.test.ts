import { expect, it } from 'vitest';
import { toReply } from '../../src/answering/reply-document.js';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { HashedNgramEmbeddings } from '../../src/retrieval/embeddings/hashed-ngram-embeddings.js';
import { createServices } from '../../src/services/create-services.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { tempDir } from '../helpers/temp-knowledge.js';

it('rebuilds an index made with another embedding model before answering over it, and says so', async () => {
  const dataDir = tempDir('repbot-model-change-');
  const config = loadConfig({}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir });
  const first = await createServices(config, { clock: fixedClock(EVAL_DAY), embeddings: new HashedNgramEmbeddings({ dimensions: 256 }) });
  await first.ingest();
  await first.close();

  const log: string[] = [];
  const second = await createServices(config, { clock: fixedClock(EVAL_DAY), log: (line) => log.push(line) });
  try {
    const reply = toReply(await second.ask('zorvex max dose?'));
    expect(log[0]).toBe(
      `The index in ${dataDir} was built with the embedding model local-hashed-ngram-v2-d256, not local-hashed-ngram-v2-d1024 — indexing ${SAMPLE_KNOWLEDGE} again first…`,
    );
    expect(reply.answer).toContain('40 mg once daily');
    expect((await second.status()).embeddingModel).toBe('local-hashed-ngram-v2-d1024');
    // Once rebuilt, the next question does not index again.
    await second.ask('calmira storage temperature');
    expect(log).toHaveLength(2);
  } finally {
    await second.close();
  }
});
