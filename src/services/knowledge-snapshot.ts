import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock.js';
import { RepbotError } from '../core/errors.js';
import { loadCatalog } from '../knowledge/catalog.js';
import { scanKnowledge } from '../knowledge/scan.js';
import type { EmbeddingModel } from '../retrieval/embeddings/embedding-model.js';
import { DEFAULT_GLOSSARY_PATH, loadGlossary } from '../retrieval/glossary.js';
import type { IndexStore, LoadedIndex } from '../retrieval/index-store.js';
import { KnowledgeBase } from '../retrieval/knowledge-base.js';

/**
 * A searchable snapshot: the index (the one given, or the store's current generation), the
 * product cards and the glossary as the knowledge folder has them now.
 */
export async function loadSnapshot(
  knowledgeDir: string,
  store: IndexStore,
  embeddings: EmbeddingModel,
  searchEf: number,
  clock: Clock,
  loaded?: LoadedIndex | null,
): Promise<KnowledgeBase> {
  const index = loaded ?? (await store.load(embeddings, searchEf));
  const scan = await scanKnowledge(knowledgeDir).catch(() => null);
  const catalog = scan ? await loadCatalog(scan) : { products: [], problems: [] };
  const extension = path.join(knowledgeDir, 'glossary.yaml');
  const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH, ...(fs.existsSync(extension) ? [extension] : [])]);
  if (!glossary.ok) throw new RepbotError('INPUT_INVALID', glossary.error, { hint: 'Fix the glossary file named above.' });
  return new KnowledgeBase(index, catalog.products, glossary.value, embeddings, clock);
}
