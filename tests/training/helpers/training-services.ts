import path from 'node:path';
import { loadConfig } from '../../../src/config/config.js';
import { loadCatalog } from '../../../src/knowledge/catalog.js';
import { scanKnowledge } from '../../../src/knowledge/scan.js';
import { createEmbeddings } from '../../../src/retrieval/embeddings/create-embeddings.js';
import { DEFAULT_GLOSSARY_PATH, loadGlossary } from '../../../src/retrieval/glossary.js';
import { IndexStore } from '../../../src/retrieval/index-store.js';
import { KnowledgeBase } from '../../../src/retrieval/knowledge-base.js';
import type { Clock } from '../../../src/core/clock.js';
import { createServices } from '../../../src/services/create-services.js';
import type { Services } from '../../../src/services/services.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../../helpers/answer-services.js';
import { tempDir } from '../../helpers/temp-knowledge.js';

/** A clock a test can move forward (session expiry). */
export class MovableClock implements Clock {
  private at: Date;
  constructor(iso: string = EVAL_DAY) {
    this.at = new Date(iso);
  }
  now(): Date {
    return this.at;
  }
  advanceHours(hours: number): void {
    this.at = new Date(this.at.getTime() + hours * 3_600_000);
  }
}

/**
 * Services over the sample knowledge in a data folder (a new one unless given: pass the same one
 * again to "restart" repbot on the same state). Indexes only when asked (the first start).
 */
export async function trainingServices(options: { dataDir?: string; clock?: Clock; ingest?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<{ services: Services; dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir('repbot-training-');
  const config = loadConfig(options.env ?? {}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir });
  const services = await createServices(config, { clock: options.clock ?? new MovableClock() });
  if (options.ingest ?? true) await services.ingest();
  return { services, dataDir };
}

/**
 * Services over the sample knowledge, indexed, and a knowledge-base snapshot over their index
 * built as the app builds it (services/create-services.ts) but on the given clock.
 */
export async function sampleKnowledgeBase(clock: Clock): Promise<{ services: Services; kb: KnowledgeBase }> {
  const started = await trainingServices();
  const embeddings = createEmbeddings(started.services.config.embeddings);
  const index = await new IndexStore(started.dataDir).load(embeddings, 64);
  const catalog = await loadCatalog(await scanKnowledge(SAMPLE_KNOWLEDGE));
  const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH, path.join(SAMPLE_KNOWLEDGE, 'glossary.yaml')]);
  if (!glossary.ok) throw new Error(glossary.error);
  return { services: started.services, kb: new KnowledgeBase(index, catalog.products, glossary.value, embeddings, clock) };
}
