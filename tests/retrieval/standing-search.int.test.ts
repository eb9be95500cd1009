import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import type { Services } from '../../src/services/services.js';
import { MovableClock, sampleKnowledgeBase } from '../training/helpers/training-services.js';

// `standingSearch` remembers the label-fact lookups for the day; it must give what `search`
// gives, and stop returning a passage the day after it expires. Real index, sample knowledge.

let services: Services;
let kb: KnowledgeBase;
const clock = new MovableClock();
const QUERY = 'Zorvex maximum recommended dose dosage range';

beforeAll(async () => {
  ({ services, kb } = await sampleKnowledgeBase(clock));
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
