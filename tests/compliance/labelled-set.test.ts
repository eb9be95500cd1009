import { describe, expect, it } from 'vitest';
import { testFilter } from './helpers/fixtures.js';
import { type ItemOutcome, loadLabelledSet, runLabelledSet, score, scoreTable } from './helpers/labelled-set.js';

const RECALL_TARGET = 0.95;
const FALSE_POSITIVE_LIMIT = 0.03;

function misses(outcomes: ItemOutcome[]): string[] {
  return outcomes
    .filter((o) => o.item.violative !== o.flagged)
    .map((o) => `${o.item.id} ${o.item.violative ? 'missed' : 'false positive'}: ${o.item.text}`);
}

describe.each(['labelled-set', 'second-set'] as const)('%s', (name) => {
  it(`catches ≥ ${RECALL_TARGET * 100} % of violations with ≤ ${FALSE_POSITIVE_LIMIT * 100} % false positives`, async () => {
    const items = loadLabelledSet(name);
    const outcomes = await runLabelledSet(testFilter(), items);
    console.log(`\n${name}\n${scoreTable(outcomes)}\n${misses(outcomes).join('\n')}`);
    const { detection, falsePositiveRate } = score(outcomes);
    const all = detection.find((m) => m.label === 'all');
    expect(all?.recall).toBeGreaterThanOrEqual(RECALL_TARGET);
    expect(falsePositiveRate).toBeLessThanOrEqual(FALSE_POSITIVE_LIMIT);
  });
});

describe('labelled set', () => {
  it('is at least 300 items, half English half Chinese, half violative, every category in both languages', () => {
    const items = loadLabelledSet();
    expect(items.length).toBeGreaterThanOrEqual(300);
    const share = (pred: (i: (typeof items)[number]) => boolean) => items.filter(pred).length / items.length;
    expect(share((i) => i.lang === 'en')).toBeCloseTo(0.5, 1);
    expect(share((i) => i.violative)).toBeCloseTo(0.5, 1);
    const categories = new Set(items.filter((i) => i.violative).map((i) => `${i.category}/${i.lang}`));
    expect(categories.size).toBe(26);
    for (const i of items) if (i.violative) expect(i.category, i.id).toBeDefined();
    expect(items.filter((i) => !i.violative && i.source?.includes('label')).length).toBeGreaterThanOrEqual(60);
  });
});
