import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Services } from '../../src/services/services.js';

export interface EvalQuestion {
  id: string;
  label: string;
  lang: 'en' | 'zh';
  kind: string;
  question: string;
  expect: string;
  fact: string;
}

export interface QuestionSet {
  questions: EvalQuestion[];
  unrelated: string[];
}

export function loadQuestionSet(): QuestionSet {
  const file = path.resolve(import.meta.dirname, '../data/fda-questions.yaml');
  const raw = YAML.parse(fs.readFileSync(file, 'utf8')) as EvalQuestion[] | { questions?: EvalQuestion[]; unrelated?: string[] };
  if (Array.isArray(raw)) return { questions: raw, unrelated: [] };
  return { questions: raw.questions ?? [], unrelated: raw.unrelated ?? [] };
}

export interface EvalResult {
  total: number;
  recallAt5: number;
  mrr: number;
  byLang: Record<string, { total: number; recallAt5: number; mrr: number }>;
  misses: Array<{ id: string; question: string; top: string[] }>;
}

/** Rank of the first result whose text contains the expected passage, for each question. */
export async function evaluateRetrieval(
  services: Services,
  questions: EvalQuestion[],
  mode: 'hybrid' | 'vector' | 'keyword' = 'hybrid',
): Promise<EvalResult> {
  const ranks: Array<{ q: EvalQuestion; rank: number | null; top: string[] }> = [];
  for (const q of questions) {
    const hits = await services.search(q.question, { k: 5, mode });
    const re = new RegExp(q.expect, 'i');
    const index = hits.findIndex((h) => re.test(h.text.replace(/\s+/g, ' ')) || re.test(h.text));
    ranks.push({ q, rank: index >= 0 ? index + 1 : null, top: hits.map((h) => `${h.section ?? ''} | ${h.text.slice(0, 80)}`) });
  }
  const summarise = (rows: typeof ranks) => ({
    total: rows.length,
    recallAt5: rows.filter((r) => r.rank !== null).length / Math.max(1, rows.length),
    mrr: rows.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / Math.max(1, rows.length),
  });
  const byLang: EvalResult['byLang'] = {};
  for (const lang of ['en', 'zh']) byLang[lang] = summarise(ranks.filter((r) => r.q.lang === lang));
  return {
    ...summarise(ranks),
    byLang,
    misses: ranks.filter((r) => r.rank === null).map((r) => ({ id: r.q.id, question: r.q.question, top: r.top })),
  };
}
