import { describe, expect, it } from 'vitest';
import { scanKnowledge } from '../../src/knowledge/scan.js';
import { SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { writeKnowledge } from '../helpers/temp-knowledge.js';

describe('control files in the knowledge folder', () => {
  it('the sample compliance-overrides.yaml and glossary.yaml are configuration: not documents, not reported', async () => {
    const scan = await scanKnowledge(SAMPLE_KNOWLEDGE);
    const names = [...scan.documents.map((d) => d.relPath), ...scan.misplaced.map((m) => m.file)];
    expect(names.filter((n) => /compliance-overrides|glossary\.yaml|README\.md/i.test(n))).toEqual([]);
  });

  it('a copy inside a product folder (or _shared) is reported by name, never indexed', async () => {
    const root = writeKnowledge({
      'compliance-overrides.yaml': 'competitors: []\n',
      'zorvex/product.yaml': 'name: Zorvex\n',
      'zorvex/compliance-overrides.yaml': 'competitors: [Livalo]\n',
      '_shared/glossary.yaml': 'groups: []\n',
      'zorvex/old/product.yaml': 'name: Old\n',
    });
    const scan = await scanKnowledge(root);
    expect(scan.documents).toEqual([]);
    expect(scan.productCards.map((c) => c.relPath)).toEqual(['zorvex/product.yaml']);
    expect(scan.misplaced).toEqual([
      { file: '_shared/glossary.yaml', reason: expect.stringContaining('glossary.yaml is read only at the top of the knowledge folder') },
      { file: 'zorvex/compliance-overrides.yaml', reason: expect.stringContaining('compliance-overrides.yaml is read only at the top of the knowledge folder') },
      { file: 'zorvex/old/product.yaml', reason: expect.stringContaining('directly inside a product folder') },
    ]);
  });
});
