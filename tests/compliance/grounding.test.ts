import { describe, expect, it } from 'vitest';
import { foldPlain } from '../../src/compliance/fold.js';
import {
  analyzePassage,
  analyzeSentence,
  claimSupported,
  createInMemoryGroundingSource,
  maximumDose,
  unsupportedNumbers,
} from '../../src/compliance/grounding.js';
import type { GroundingPassage } from '../../src/compliance/types.js';

const label: GroundingPassage[] = [
  {
    id: 'p1',
    approvalCode: 'MLR-1',
    text: 'In a post-hoc analysis, LIPITOR 80 mg reduced the incidence of ischemic stroke (9.2% vs. 11.6%) and increased the incidence of hemorrhagic stroke (2.3% vs. 1.4%) compared to placebo.',
  },
  { id: 'p2', approvalCode: 'MLR-2', text: 'The dosage range of LIPITOR is 10 to 80 mg once daily. LIPITOR does not reduce basal plasma cortisol concentration.' },
  { id: 'p3', approvalCode: 'MLR-3', text: '与安慰剂相比，立普妥10mg至80mg使LDL-C降低39%至60%。' },
];
const passages = label.map(analyzePassage);
const draft = (text: string) => analyzeSentence(foldPlain(text));

describe('numbers', () => {
  it('are supported when a passage states them about the same thing', () => {
    expect(unsupportedNumbers(draft('LIPITOR 80 mg reduced the incidence of ischemic stroke (9.2% vs 11.6%).'), passages)).toEqual([]);
    expect(unsupportedNumbers(draft('立普妥使LDL-C降低百分之三十九。'), passages)).toEqual([]);
  });

  it('are unsupported when no passage states them', () => {
    expect(unsupportedNumbers(draft('LIPITOR reduced ischemic stroke by 45%.'), passages).map((n) => n.text)).toEqual(['45%']);
  });

  it('are unsupported when the source says the opposite direction', () => {
    const flipped = draft('LIPITOR 80 mg increased the incidence of ischemic stroke (9.2% vs. 11.6%).');
    expect(unsupportedNumbers(flipped, passages).length).toBeGreaterThan(0);
  });
});

describe('comparisons', () => {
  it('are supported in the same direction and against the same comparator', () => {
    expect(claimSupported(draft('LIPITOR reduced the incidence of ischemic stroke compared to placebo.'), passages)).toBe(true);
    expect(claimSupported(draft('与安慰剂相比，立普妥降低了LDL-C。'), passages)).toBe(true);
  });

  it('are unsupported when the direction flips ("more" vs "less", 增加 vs 降低)', () => {
    expect(claimSupported(draft('LIPITOR increased the incidence of ischemic stroke compared to placebo.'), passages)).toBe(false);
    expect(claimSupported(draft('与安慰剂相比，立普妥升高了LDL-C。'), passages)).toBe(false);
  });

  it('are unsupported when a negation flips ("does not" vs "does")', () => {
    expect(claimSupported(draft('LIPITOR does not reduce basal plasma cortisol concentration.'), passages)).toBe(true);
    expect(claimSupported(draft('LIPITOR does reduce basal plasma cortisol concentration.'), passages)).toBe(false);
  });

  it('are unsupported against another comparator', () => {
    expect(claimSupported(draft('LIPITOR reduced the incidence of ischemic stroke compared to Crestor.'), passages)).toBe(false);
  });
});

describe('maximumDose', () => {
  it('is the largest dose a passage states as a limit', () => {
    expect(maximumDose(passages, 'mg')).toBe(80);
    expect(maximumDose([analyzePassage({ id: 'x', approvalCode: 'y', text: 'Clarithromycin 500 mg twice daily increased AUC.' })], 'mg')).toBeNull();
  });
});

describe('createInMemoryGroundingSource', () => {
  it('returns the passages that share the most (rare) words, filtered by product', async () => {
    const source = createInMemoryGroundingSource([...label, { id: 'h', approvalCode: 'H', text: 'HUMIRA 40 mg every other week.', product: 'humira' }], { k: 2 });
    expect((await source.findSupport('ischemic stroke with LIPITOR'))[0]?.id).toBe('p1');
    expect((await source.findSupport('HUMIRA 40 mg', { product: 'lipitor' })).map((p) => p.id)).not.toContain('h');
  });
});
