import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadComplianceConfig } from '../../src/compliance/load.js';
import { OVERRIDES_FILE, loadOverrides } from '../../src/compliance/overrides.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const sample = `# knowledge/compliance-overrides.yaml
products:
  lipitor: { aliases: [LIPITOR Tablets], competitors: [Livalo] }
competitors: [pitavastatin]
bannedPhrases:
  - phrases: [statin of champions, 降脂之王]
    category: superlative
    reason: brand team guidance 2025-03
approvedClaims:
  - text: LIPITOR reduced the risk of MI by 36% in ASCOT-LLA
    approvalCode: MLR-2025-0200
disabledRules:
  - id: US-EFF-003
    reason: hyperbole reviewed case by case
`;

describe('compliance overrides', () => {
  it('load from the knowledge folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, OVERRIDES_FILE), sample);
    const result = loadOverrides(path.join(dir, OVERRIDES_FILE));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.products.lipitor?.competitors).toEqual(['Livalo']);
    expect(result.value.bannedPhrases[0]).toMatchObject({ phrases: ['statin of champions', '降脂之王'], lang: 'any', severity: 'violation', action: 'remove' });
    expect(result.value.approvedClaims[0]?.approvalCode).toBe('MLR-2025-0200');
  });

  it('are empty when the file is absent', () => {
    const result = loadOverrides(path.join(tempDir(), OVERRIDES_FILE));
    expect(result).toMatchObject({ ok: true, value: { bannedPhrases: [], approvedClaims: [], competitors: [] } });
  });

  it('name the file and the field of a mistake', () => {
    const file = path.join(tempDir(), OVERRIDES_FILE);
    fs.writeFileSync(file, 'approvedClaims:\n  - text: a claim without a code\n');
    const result = loadOverrides(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`${OVERRIDES_FILE}: approvedClaims\\.0\\.approvalCode`));
  });

  it('must not switch off a rule that does not exist', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, OVERRIDES_FILE), 'disabledRules:\n  - { id: US-NOPE-001, reason: typo test }\n');
    const result = loadComplianceConfig({ knowledgeDir: dir });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]).toMatch(/unknown rule ids: US-NOPE-001/);
  });

  it('load with the shipped packs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, OVERRIDES_FILE), sample);
    const result = loadComplianceConfig({ knowledgeDir: dir });
    expect(result.ok && result.value.packs.length).toBe(3);
  });
});
