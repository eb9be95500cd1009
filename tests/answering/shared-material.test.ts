import { describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/knowledge/types.js';
import { sharedMaterialFits } from '../../src/answering/shared-material.js';
import { calmira, lexicon, zorvex } from './routing-fixtures.js';

const conditions = lexicon().offLabel.conditions;
const chunk = (over: Partial<Chunk>): Chunk => ({
  id: 'x#1',
  text: '',
  file: '_shared/x.md',
  title: 'Shared',
  page: null,
  section: null,
  product: '_shared',
  docType: 'guideline',
  approvalCode: 'MLR-1',
  status: 'approved',
  approvedOn: null,
  expiresOn: null,
  audience: 'hcp',
  language: 'en',
  ...over,
});

describe('sharedMaterialFits', () => {
  const lipidGuideline = chunk({ title: 'Lipid management guideline summary', section: 'Monitoring and safety', text: 'Measure liver enzymes before starting a statin.' });

  it('a shared guideline about a condition answers only for products indicated for it', () => {
    expect(sharedMaterialFits(lipidGuideline, [zorvex], conditions)).toBe(true);
    expect(sharedMaterialFits(lipidGuideline, [calmira], conditions)).toBe(false);
    expect(sharedMaterialFits(lipidGuideline, [calmira, zorvex], conditions)).toBe(true);
  });

  it('policies, product material, questions about no product and guidelines naming no condition always fit', () => {
    expect(sharedMaterialFits(chunk({ docType: 'policy', title: 'Field policy', text: 'Discuss LDL-C claims only with approved material.' }), [calmira], conditions)).toBe(true);
    expect(sharedMaterialFits(chunk({ product: 'zorvex', docType: 'label', text: 'lowers LDL-C' }), [calmira], conditions)).toBe(true);
    expect(sharedMaterialFits(lipidGuideline, [], conditions)).toBe(true);
    expect(sharedMaterialFits(chunk({ title: 'Vaccination guideline', text: 'Complete age-appropriate vaccinations before starting an immunosuppressant.' }), [calmira], conditions)).toBe(true);
    expect(sharedMaterialFits(lipidGuideline, [{ ...calmira, indications: [] }], conditions)).toBe(true);
  });
});
