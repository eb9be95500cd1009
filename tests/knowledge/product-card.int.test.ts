import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/knowledge/catalog.js';
import { scanKnowledge } from '../../src/knowledge/scan.js';
import { fixtureDir } from './make-fixtures.js';

function knowledge(files: Record<string, string>): string {
  const root = fixtureDir();
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

describe('product.yaml files', () => {
  it('reads a valid card and reports a broken one by file and field', async () => {
    const root = knowledge({
      'zorvex/product.yaml': [
        '# FICTIONAL product for testing',
        'name: Zorvex',
        'aliases: [zorvastatin, 佐维斯]',
        'safetySummary:',
        '  en: Contraindicated in active liver disease.',
        '  zh: 活动性肝病禁用。',
        'fictional: true',
      ].join('\n'),
      'brokex/product.yaml': 'aliases: brokexin\nindications:\n  - ok\n  - {a: 1}\nfictional: maybe\n',
    });
    const catalog = await loadCatalog(await scanKnowledge(root));
    expect(catalog.products).toEqual([
      expect.objectContaining({ slug: 'zorvex', name: 'Zorvex', aliases: ['zorvastatin', '佐维斯'], fictional: true }),
    ]);
    expect(catalog.problems).toHaveLength(1);
    const reason = catalog.problems[0]?.reason ?? '';
    expect(catalog.problems[0]?.file).toBe('brokex/product.yaml');
    expect(reason).toMatch(/^brokex\/product\.yaml: 3 problems — /);
    expect(reason).toContain('field "name" is missing — add the product\'s name (e.g. name: Zorvex) to product.yaml');
    expect(reason).toContain('field "indications" entry 2 is a set of fields — every entry must be text');
    expect(reason).toContain('field "fictional" is "maybe" — write true or false');
  });
});
