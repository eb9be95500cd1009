import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { ComplianceFilter } from '../../../src/compliance/compliance-filter.js';
import { CATEGORIES, type Category, type CheckResult, type Finding } from '../../../src/compliance/types.js';

const DATA = path.resolve(import.meta.dirname, '../data');

const itemSchema = z.strictObject({
  id: z.string(),
  lang: z.enum(['en', 'zh']),
  violative: z.boolean(),
  category: z.enum(CATEGORIES).optional(),
  text: z.string().min(1),
  source: z.string().optional(),
});
export type LabelledItem = z.infer<typeof itemSchema>;

export function loadLabelledSet(name: 'labelled-set' | 'second-set' = 'labelled-set'): LabelledItem[] {
  const raw = YAML.parse(fs.readFileSync(path.join(DATA, `${name}.yaml`), 'utf8')) as { items: unknown };
  return z.array(itemSchema).parse(raw.items);
}

/** A finding that means "this draft is not OK as written": a violation, a redaction or a route. */
export function flags(f: Finding): boolean {
  return f.severity === 'violation' || f.action === 'redact' || f.action === 'route';
}

export interface ItemOutcome {
  item: LabelledItem;
  result: CheckResult;
  flagged: boolean;
  categories: Set<Category>;
}

export async function runLabelledSet(filter: ComplianceFilter, items: LabelledItem[]): Promise<ItemOutcome[]> {
  const out: ItemOutcome[] = [];
  for (const item of items) {
    const result = await filter.check({ text: item.text, language: item.lang });
    const found = result.findings.filter(flags);
    out.push({ item, result, flagged: found.length > 0, categories: new Set(found.map((f) => f.category)) });
  }
  return out;
}

export interface Metrics {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

function metrics(label: string, tp: number, fp: number, fn: number, tn: number): Metrics {
  return { label, tp, fp, fn, tn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Detection (any flag) per language and overall; per category, the expected category among the flags. */
export function score(outcomes: ItemOutcome[]): { detection: Metrics[]; categories: Metrics[]; falsePositiveRate: number } {
  const detection = (['all', 'en', 'zh'] as const).map((lang) => {
    const set = outcomes.filter((o) => lang === 'all' || o.item.lang === lang);
    const tp = set.filter((o) => o.item.violative && o.flagged).length;
    const fn = set.filter((o) => o.item.violative && !o.flagged).length;
    const fp = set.filter((o) => !o.item.violative && o.flagged).length;
    const tn = set.filter((o) => !o.item.violative && !o.flagged).length;
    return metrics(lang, tp, fp, fn, tn);
  });
  const categories = CATEGORIES.map((c) => {
    const tp = outcomes.filter((o) => o.item.category === c && o.categories.has(c)).length;
    const fn = outcomes.filter((o) => o.item.category === c && !o.categories.has(c)).length;
    const fp = outcomes.filter((o) => o.item.category !== c && o.categories.has(c) && !o.item.violative).length;
    return metrics(c, tp, fp, fn, 0);
  });
  const compliant = outcomes.filter((o) => !o.item.violative);
  const falsePositiveRate = compliant.filter((o) => o.flagged).length / Math.max(1, compliant.length);
  return { detection, categories, falsePositiveRate };
}

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

export function scoreTable(outcomes: ItemOutcome[]): string {
  const { detection, categories, falsePositiveRate } = score(outcomes);
  const lines = [
    `Labelled set: ${outcomes.length} items (${outcomes.filter((o) => o.item.lang === 'en').length} en, ${outcomes.filter((o) => o.item.lang === 'zh').length} zh; ${outcomes.filter((o) => o.item.violative).length} violative, ${outcomes.filter((o) => !o.item.violative).length} compliant). False positives on compliant text: ${pct(falsePositiveRate)}.`,
    '',
    '| detection | violative | caught | missed | compliant | false pos. | precision | recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...detection.map((m) => `| ${m.label} | ${m.tp + m.fn} | ${m.tp} | ${m.fn} | ${m.fp + m.tn} | ${m.fp} | ${pct(m.precision)} | ${pct(m.recall)} |`),
    '',
    '| category | items | found in category | recall | flagged on compliant items | precision |',
    '|---|---:|---:|---:|---:|---:|',
    ...categories.map((m) => `| ${m.label} | ${m.tp + m.fn} | ${m.tp} | ${pct(m.recall)} | ${m.fp} | ${pct(m.precision)} |`),
  ];
  return lines.join('\n');
}
