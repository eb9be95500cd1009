import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks, parseRulePack } from '../../src/compliance/rule-packs.js';
import { CATEGORIES } from '../../src/compliance/types.js';
import { shippedPacks } from './helpers/fixtures.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const minimal = {
  id: 'test',
  name: 'Test pack',
  market: 'any',
  rules: [
    {
      id: 'T-LEX-001',
      kind: 'lexicon',
      category: 'superlative',
      lang: 'en',
      severity: 'violation',
      action: 'remove',
      terms: ['best'],
      message: { en: 'superlative', zh: '最高级' },
      regulation: '21 CFR 202.1',
      examples: { violating: ['the best'], compliant: ['good'] },
    },
  ],
};

describe('shipped rule packs', () => {
  it('load and validate: universal, US (FDA/PhRMA) and China (NMPA)', () => {
    const packs = shippedPacks();
    expect(packs.map((p) => p.id).sort()).toEqual(['cn-nmpa', 'universal', 'us-fda-phrma']);
  });

  it('cover every category in both languages', () => {
    const rules = shippedPacks().flatMap((p) => p.rules);
    for (const category of CATEGORIES) {
      for (const lang of ['en', 'zh'] as const) {
        const covering = rules.filter((r) => r.category === category && (r.lang === lang || r.lang === 'any'));
        expect(covering.length, `${category} in ${lang}`).toBeGreaterThan(0);
      }
    }
  });

  it('cite a regulation and carry examples for every rule', () => {
    for (const rule of shippedPacks().flatMap((p) => p.rules)) {
      expect(rule.regulation.length, rule.id).toBeGreaterThan(5);
      expect(rule.examples.violating.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.compliant.length, rule.id).toBeGreaterThan(0);
    }
  });
});

describe('parseRulePack', () => {
  it('accepts a minimal pack', () => {
    expect(parseRulePack(minimal, 'p.yaml').ok).toBe(true);
  });

  it('names the file, the rule and the field of a mistake', () => {
    const broken = structuredClone(minimal) as { rules: Array<Record<string, unknown>> };
    (broken.rules[0] as Record<string, unknown>).exeptions = ['typo'];
    const result = parseRulePack(broken, 'packs/bad.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/packs\/bad\.yaml: rules\[0\] \(T-LEX-001\).*exeptions/);
  });

  it('rejects a bad regular expression and a route without a target', () => {
    const bad = structuredClone(minimal) as { rules: Array<Record<string, unknown>> };
    Object.assign(bad.rules[0] as object, { kind: 'pattern', patterns: ['(unclosed'], action: 'route' });
    const result = parseRulePack(bad, 'x.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/bad pattern/);
      expect(result.error).toMatch(/needs routeTo/);
    }
  });
});

describe('loadRulePacks', () => {
  it('reports every broken file by name and duplicate rule ids across packs', () => {
    const dir = tempDir();
    const yaml = (o: unknown) => JSON.stringify(o);
    fs.writeFileSync(path.join(dir, 'a.yaml'), yaml(minimal));
    fs.writeFileSync(path.join(dir, 'b.yaml'), yaml({ ...minimal, id: 'other' }));
    fs.writeFileSync(path.join(dir, 'c.yaml'), 'rules: [oops');
    const result = loadRulePacks(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.some((e) => e.includes('c.yaml') && e.includes('not valid YAML'))).toBe(true);
      expect(result.error.some((e) => e.includes('T-LEX-001 is in both'))).toBe(true);
    }
  });
});
