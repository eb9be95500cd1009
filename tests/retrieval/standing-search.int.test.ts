import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/knowledge/catalog.js';
import { scanKnowledge } from '../../src/knowledge/scan.js';
import { createEmbeddings } from '../../src/retrieval/embeddings/create-embeddings.js';
import { DEFAULT_GLOSSARY_PATH, loadGlossary } from '../../src/retrieval/glossary.js';
import { IndexStore } from '../../src/retrieval/index-store.js';
import { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import type { Services } from '../../src/services/services.js';
import { SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { MovableClock, trainingServices } from '../training/helpers/training-services.js';

// `standingSearch` remembers the label-fact lookups for the day; it must give what `search`
// gives, and stop returning a passage the day after it expires. Real index, sample knowledge.

let services: Services;
let kb: KnowledgeBase;
const clock = new MovableClock();
const QUERY = 'Zorvex maximum recommended dose dosage range';

beforeAll(async () => {
  const started = await trainingServices();
  services = started.services;
  const embeddings = createEmbeddings(services.config.embeddings);
  const index = await new IndexStore(started.dataDir).load(embeddings, 64);
  const catalog = await loadCatalog(await scanKnowledge(SAMPLE_KNOWLEDGE));
  const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH, path.join(SAMPLE_KNOWLEDGE, 'glossary.yaml')]);
  if (!glossary.ok) throw new Error(glossary.error);
  kb = new KnowledgeBase(index, catalog.products, glossary.value, embeddings, clock);
}, 60_000);

afterAll(async () => {
  await services.close();
});

const ids = (hits: Array<{ chunk: { id: string } }>) => hits.map((h) => h.chunk.id);

describe('KnowledgeBase.standingSearch', () => {
  it('gives what search gives, and drops a passage the day after it expires', async () => {
    const options = { product: 'zorvex', k: 8 };
    const first = await kb.standingSearch(QUERY, options);
    expect(first.length).toBeGreaterThan(0);
    expect(ids(first)).toEqual(ids(await kb.search(QUERY, options)));
    // The same day: the same hits.
    expect(ids(await kb.standingSearch(QUERY, options))).toEqual(ids(first));

    const expiring = first.map((h) => h.chunk).find((c) => c.expiresOn !== null);
    if (!expiring?.expiresOn) throw new Error('the sample dose passages should carry an expiry date');
    const dayAfter = new Date(`${expiring.expiresOn}T12:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    clock.advanceHours((dayAfter.getTime() - clock.now().getTime()) / 3_600_000);

    const later = await kb.standingSearch(QUERY, options);
    expect(ids(later)).not.toContain(expiring.id);
    expect(ids(later)).toEqual(ids(await kb.search(QUERY, options)));
  });

  it('keeps other options apart (another product is another search)', async () => {
    const zorvex = await kb.standingSearch(QUERY, { product: 'zorvex', k: 8 });
    const calmira = await kb.standingSearch(QUERY, { product: 'calmira', k: 8 });
    expect(zorvex.every((h) => ['zorvex', '_shared'].includes(h.chunk.product))).toBe(true);
    expect(calmira.every((h) => ['calmira', '_shared'].includes(h.chunk.product))).toBe(true);
  });
});
