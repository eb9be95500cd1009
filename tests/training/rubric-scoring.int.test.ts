import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services/services.js';
import type { ScoredAttempt } from '../../src/training/scoring/attempt.js';
import { trainingServices } from './helpers/training-services.js';

interface Group {
  id: string;
  product: string;
  category: 'price' | 'competitor' | 'safety' | 'efficacy';
  language: 'en' | 'zh';
  answers: { good: string; mediocre: string; 'non-compliant': string };
}

const data = YAML.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../data/training-answers.yaml'), 'utf8')) as { groups: Group[] };
let services: Services;

beforeAll(async () => {
  services = (await trainingServices()).services;
}, 60_000);

afterAll(async () => {
  await services.close();
});

async function score(g: Group, text: string): Promise<ScoredAttempt> {
  const result = await services.training.scoreAnswer({ product: g.product, category: g.category, language: g.language, turns: [text] });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.scored;
}

describe('the rubric on labelled written answers (tests/data/training-answers.yaml)', () => {
  it('covers both languages', () => {
    expect(new Set(data.groups.map((g) => g.language))).toEqual(new Set(['en', 'zh']));
  });

  for (const g of data.groups) {
    it(`${g.id}: good > mediocre > non-compliant, and non-compliant fails`, async () => {
      const good = await score(g, g.answers.good);
      const mediocre = await score(g, g.answers.mediocre);
      const bad = await score(g, g.answers['non-compliant']);
      expect(good.score).toBeGreaterThan(mediocre.score);
      expect(mediocre.score).toBeGreaterThan(bad.score);
      expect(good.outcome).toBe('pass');
      expect(mediocre.outcome).not.toBe('fail');
      expect(bad.outcome).toBe('fail');
      expect(bad.score).toBe(0);
      // The fail names the sentence and why.
      expect(bad.violations.length).toBeGreaterThan(0);
      for (const v of bad.violations) {
        expect(g.answers['non-compliant'].replace(/\s+/g, ' ')).toContain(v.sentence);
        expect(v.why.length).toBeGreaterThan(10);
      }
      // Good answers are grounded: the matched approved passages are cited.
      expect(good.evidence.length).toBeGreaterThan(0);
      for (const e of good.evidence) expect(e.approvalCode).toMatch(/^MLR-/);
      // Feedback cites the approved objection handler for the category.
      expect(good.handler?.approvalCode).toMatch(/^MLR-/);
      expect(good.handler?.respond.length).toBeGreaterThan(20);
      expect(good.rubricVersion).toBe(services.training.rubricVersion);
      expect(good.lines.map((l) => l.id)).toEqual(['acknowledged', 'clarifying-question', 'approved-evidence', 'accurate', 'compliant', 'next-step']);
    });
  }

  it('a wrong figure fails accuracy and names the figure', async () => {
    const g = data.groups[0] as Group;
    const result = await score(g, 'I understand. Zorvex 10 mg lowered LDL-C by 60% compared with 2% for placebo. May I leave the Prescribing Information?');
    expect(result.lines.find((l) => l.id === 'accurate')?.score).toBe(0);
    expect(result.wrongFigures.map((w) => w.figure)).toContain('60%');
    expect(result.outcome).toBe('fail');
  });
});
