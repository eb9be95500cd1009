import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import YAML from 'yaml';
import { z } from 'zod';
import { toReply } from '../../src/answering/reply-document.js';
import type { Reply } from '../../src/answering/reply.js';
import { uncitedNote } from '../../src/answering/reply-texts.js';
import type { Services } from '../../src/services/services.js';

const ROUTES = ['answer', 'medical-information', 'pharmacovigilance', 'not-found', 'answer|not-found'] as const;

const itemSchema = z.strictObject({
  id: z.string().min(1),
  kb: z.enum(['sample', 'fda']),
  lang: z.enum(['en', 'zh']),
  kind: z.enum(['answer', 'follow-up', 'adverse-event', 'off-label', 'medical-advice', 'hard-negative', 'comparison', 'not-found']),
  question: z.string().min(1),
  route: z.enum(ROUTES),
  fact: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  source: z.string().min(1).optional(),
  thread: z.array(z.string().min(1)).optional(),
});
export type AnswerItem = z.infer<typeof itemSchema>;

export function loadAnswerSet(): AnswerItem[] {
  const file = path.resolve(import.meta.dirname, '../data/answer-questions.yaml');
  const raw = YAML.parse(fs.readFileSync(file, 'utf8')) as { items?: unknown };
  return z.array(itemSchema).parse(raw.items);
}

const norm = (s: string) => s.toLowerCase().replace(/º/g, '°').replace(/\s+/g, ' ');

/** The answer states the fact (case-insensitive; º read as °); a list accepts any one. */
export function containsFact(answer: string, fact: string | string[]): boolean {
  const facts = Array.isArray(fact) ? fact : [fact];
  return facts.some((f) => norm(answer).includes(norm(f)));
}

export interface ItemResult {
  item: AnswerItem;
  reply: Reply;
  routeOk: boolean;
  factOk: boolean | null;
  sourceOk: boolean | null;
  ms: number;
  /** The compliance filter removed every cited sentence, so the answer became "not found". */
  withheld: boolean;
}

export function routeMatches(expected: AnswerItem['route'], actual: Reply['route']): boolean {
  const got = actual ?? 'answer';
  return expected.split('|').includes(got);
}

export async function runItem(services: Services, item: AnswerItem): Promise<ItemResult> {
  const threadId = item.thread ? `eval-${item.id}` : undefined;
  for (const previous of item.thread ?? []) await services.ask(previous, { threadId });
  const start = performance.now();
  const checked = await services.ask(item.question, { threadId });
  const ms = performance.now() - start;
  const reply = toReply(checked);
  const withheld = checked.payload.notes.some((n) => n === uncitedNote(reply.language));
  const routeOk = routeMatches(item.route, reply.route);
  const factOk = item.fact ? containsFact(reply.answer, item.fact) : null;
  const sourceOk = item.source ? reply.citations.some((c) => c.file.includes(item.source as string)) : null;
  return { item, reply, routeOk, factOk, sourceOk, ms, withheld };
}

export interface Summary {
  /** Answer items (route answer, with a fact): fact and source both right. */
  facts: { hit: number; total: number };
  /** Routing items (adverse event, off-label, medical advice, hard negatives): route right. */
  routing: { hit: number; total: number };
  notFound: { hit: number; total: number };
  /** Replies that answered (route null) without a single citation. */
  uncited: string[];
  misses: ItemResult[];
}

const ROUTING_KINDS = new Set(['adverse-event', 'off-label', 'medical-advice', 'hard-negative']);

export function summarize(results: readonly ItemResult[]): Summary {
  const facts = results.filter((r) => (r.item.kind === 'answer' || r.item.kind === 'follow-up' || r.item.kind === 'comparison') && r.item.fact);
  const routing = results.filter((r) => ROUTING_KINDS.has(r.item.kind));
  const notFound = results.filter((r) => r.item.kind === 'not-found');
  const factHit = (r: ItemResult) => r.routeOk && r.factOk !== false && r.sourceOk !== false;
  return {
    facts: { hit: facts.filter(factHit).length, total: facts.length },
    routing: { hit: routing.filter((r) => r.routeOk && r.factOk !== false).length, total: routing.length },
    notFound: { hit: notFound.filter((r) => r.routeOk).length, total: notFound.length },
    uncited: results.filter((r) => r.reply.route === null && r.reply.answer !== '' && r.reply.citations.length === 0).map((r) => r.item.id),
    misses: results.filter((r) => !r.routeOk || r.factOk === false || r.sourceOk === false),
  };
}

export const rate = (x: { hit: number; total: number }) => (x.total === 0 ? 1 : x.hit / x.total);
export const pct = (x: { hit: number; total: number }) => `${(100 * rate(x)).toFixed(1)} % (${x.hit}/${x.total})`;
