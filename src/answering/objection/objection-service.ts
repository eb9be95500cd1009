import { type Clock, systemClock } from '../../core/clock.js';
import { RepbotError, describeError } from '../../core/errors.js';
import type { ProductCard } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../retrieval/knowledge-base.js';
import { bodyOf, originOf, routeFor } from '../answer-service.js';
import type { ConversationStore } from '../conversation/conversation-store.js';
import { extractAnswer } from '../extract/extract-answer.js';
import { fillTemplate } from '../prompt-template.js';
import type { PromptPassage } from '../llm/answer-generator.js';
import type { RespondGenerator } from '../llm/llm-answer-generator.js';
import { type QuestionContext, questionContext } from '../question-context.js';
import { type Quote, numberQuotes } from '../quote-citations.js';
import type { AnswerReply, ObjectionCategory, ReplyBody } from '../reply.js';
import type { ReplyFilter, ReplySource } from '../reply-filter.js';
import { llmFallbackNote, medicalInformationContact } from '../reply-texts.js';
import type { RouteAudit } from '../route-audit.js';
import { contactSources, routedDraft } from '../routed-draft.js';
import type { RoutingLexicon } from '../routing/routing-lexicon.js';
import { nameTermSet } from '../routing/term-set.js';
import { foldText } from '../../text/tokenize.js';
import { handlerResponse } from './handler-evidence.js';
import { classifyObjection } from './objection-classifier.js';
import { type ObjectionLexicon, loadObjectionLexicon } from './objection-lexicon.js';
import { type ObjectionTemplates, loadObjectionTemplates } from './objection-templates.js';

export interface ObjectionServiceDeps {
  knowledge(): Promise<KnowledgeBase>;
  filter: ReplyFilter;
  lexicon: RoutingLexicon;
  conversations?: ConversationStore;
  audit?: RouteAudit;
  clock?: Clock;
  objectionLexicon?: ObjectionLexicon;
  templates?: ObjectionTemplates;
  /** LLM mode: the respond step written from the approved evidence (the quoted evidence is the fallback). */
  respondGenerator?: RespondGenerator;
  respondTimeoutMs?: number;
}

export interface ObjectionOptions {
  threadId?: string;
  /** Who asked (Slack user id, or the person at the terminal): kept in the audit record. */
  user?: string;
  /** Slack channel id (absent for the CLI): kept in the audit record. */
  channel?: string;
  /** Where the message came from (`cli`, `chat`, `slack`): kept in the audit record. */
  via?: string;
  product?: string;
}

export interface ObjectionService {
  objection(text: string, options?: ObjectionOptions): Promise<AnswerReply>;
}

const FALLBACK_K = 8;
const FALLBACK_DOC_TYPES = new Set(['label', 'faq']);
const MAX_FALLBACK_SENTENCES = 3;
const TEMPLATE_INPUTS = ['product', 'contact'];

/**
 * `objection`: what the HCP said → routing (an adverse event is still reported) → category →
 * a four-step script whose "respond" step quotes only approved evidence (the product's
 * objection handler for the category, else label and FAQ sentences, never about a
 * competitor) → compliance filter.
 */
export function createObjectionService(deps: ObjectionServiceDeps): ObjectionService {
  const clock = deps.clock ?? systemClock;
  const lexicon = deps.objectionLexicon ?? unwrap(loadObjectionLexicon());
  const templates = deps.templates ?? unwrap(loadObjectionTemplates());

  async function objection(text: string, options: ObjectionOptions = {}): Promise<AnswerReply> {
    const kb = await deps.knowledge();
    const ctx = await questionContext(text, kb.products, deps.conversations, options);
    const competitors = kb.products.flatMap((p) => p.competitors);
    const { category } = classifyObjection(text, lexicon, competitors);

    const route = await routeFor(kb, ctx, deps.lexicon);
    if (route) {
      const draft = routedDraft(route, ctx.language, kb.products, ctx.targets);
      if (deps.audit) {
        await deps.audit.record({
          at: clock.now().toISOString(),
          user: options.user ?? null,
          threadId: options.threadId ?? null,
          kind: 'objection',
          question: text,
          route: draft.routing.route,
          reason: draft.routing.reason,
          detail: draft.routing.detail,
          product: draft.product,
          ...(draft.routing.fields ? { fields: draft.routing.fields } : {}),
        });
      }
      const body: ReplyBody = { ...bodyOf(ctx, draft, 'routed'), kind: 'objection', category };
      return finish(ctx, draft.text, body, draft.sources, options);
    }

    const product = productFor(ctx, text, kb.products) ?? (await productBySearch(kb, text));
    const evidence = product ? await evidenceFor(kb, ctx, product, category, competitors) : [];
    const numbered = numberQuotes(evidence);
    const labels = templates.labels[ctx.language];
    const values = {
      product: product?.name ?? (ctx.language === 'zh' ? '该产品' : 'this treatment'),
      contact: medicalInformationContact(product ? [product] : kb.products, ctx.language),
    };
    const fill = (name: string, template: string) => fillTemplate(`objection-templates.${name}`, template, TEMPLATE_INPUTS, values);
    const steps = templates.categories[category][ctx.language];
    const glue = ctx.language === 'zh' ? '' : ' ';
    const quoted = numbered.quotes.length > 0 ? numbered.quotes.map((q) => `${q.text} [${q.n}]`).join(glue) : fill('noEvidence', templates.noEvidence[ctx.language]);
    const notes: string[] = [];
    let respond = quoted;
    let mode: ReplyBody['mode'] = 'extractive';
    if (deps.respondGenerator && numbered.quotes.length > 0 && product) {
      const written = await writeRespond(deps.respondGenerator, { objection: text, category, product: product.name, language: ctx.language, passages: passagesOf(numbered.quotes) }, numbered.citations.map((c) => c.n), deps.respondTimeoutMs ?? DEFAULT_RESPOND_TIMEOUT_MS);
      if (written.ok) {
        respond = written.text;
        mode = 'llm';
      } else notes.push(llmFallbackNote(ctx.language, written.reason));
    }
    const script = [
      `${labels.acknowledge} ${fill(`${category}.acknowledge`, steps.acknowledge)}`,
      `${labels.clarify} ${fill(`${category}.clarify`, steps.clarify)}`,
      `${labels.respond} ${respond}`,
      `${labels.close} ${fill(`${category}.close`, steps.close)}`,
    ].join('\n\n');
    const body: ReplyBody = {
      kind: 'objection',
      question: text,
      language: ctx.language,
      citations: numbered.citations,
      route: null,
      routing: null,
      product: product?.slug ?? null,
      notes,
      mode,
      category,
      scriptLabels: labels,
      auditId: null,
    };
    return finish(ctx, script, body, [...numbered.sources, ...contactSources(product ? [product] : kb.products, 'medicalInformation')], options);
  }

  async function finish(ctx: QuestionContext, text: string, body: ReplyBody, sources: ReplySource[], options: ObjectionOptions): Promise<AnswerReply> {
    const origin = originOf('objection', ctx, options);
    const checked = await deps.filter.approve({ text, language: ctx.language, product: body.product ?? undefined, sources, origin }, body);
    if (deps.conversations && options.threadId) {
      await deps.conversations.remember(options.threadId, {
        question: ctx.message,
        effectiveQuestion: ctx.effective,
        products: body.product ? [body.product] : [],
        route: body.route,
        at: clock.now().getTime(),
      });
    }
    return checked;
  }

  /**
   * Objection handler first; else label and FAQ sentences about the objection that name no
   * competitor. An objection of no known category ("my patients don't like injections") has no
   * handler section of its own: a handler's unclassified section (its "Off-label request") is
   * about something else.
   */
  async function evidenceFor(kb: KnowledgeBase, ctx: QuestionContext, product: ProductCard, category: ObjectionCategory, competitors: readonly string[]): Promise<Quote[]> {
    const handler = category === 'other' ? [] : handlerResponse(kb, lexicon, product.slug, category, ctx.language, clock.now());
    if (handler.length > 0) return handler;
    const hits = (await kb.search(ctx.effective, { k: FALLBACK_K, product: product.slug })).filter((h) => FALLBACK_DOC_TYPES.has(h.chunk.docType));
    if (hits.length === 0) return [];
    const analysis = kb.analyze(ctx.effective, { product: product.slug });
    const names = nameTermSet(competitors);
    return extractAnswer(ctx.effective, analysis, hits)
      .chosen.filter((s) => !names.test(foldText(s.candidate.text)))
      .slice(0, MAX_FALLBACK_SENTENCES)
      .map((s) => ({ text: s.candidate.text, chunk: s.candidate.chunk }));
  }

  return { objection };
}

const DEFAULT_RESPOND_TIMEOUT_MS = 20_000;
const MARKER = /\[(\d{1,2})\]/g;

/** The quoted evidence as numbered passages for the prompt: one per source, its quoted sentences. */
function passagesOf(quotes: ReadonlyArray<Quote & { n: number }>): PromptPassage[] {
  const byN = new Map<number, PromptPassage>();
  for (const q of quotes) {
    const p = byN.get(q.n) ?? { n: q.n, title: q.chunk.title, section: q.chunk.section, approvalCode: q.chunk.approvalCode, text: '' };
    p.text = p.text === '' ? q.text : `${p.text} ${q.text}`;
    byN.set(q.n, p);
  }
  return [...byN.values()];
}

/** The model's respond step; a failure, a timeout or a citation of nothing given gives the reason instead. */
async function writeRespond(generator: RespondGenerator, input: Parameters<RespondGenerator['generate']>[0], known: readonly number[], timeoutMs: number): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    const text = await Promise.race([
      generator.generate(input, controller.signal),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
    const cited = [...text.matchAll(MARKER)].map((m) => Number(m[1]));
    if (cited.length === 0) return { ok: false, reason: 'the model cited no approved passage' };
    if (cited.some((n) => !known.includes(n))) return { ok: false, reason: 'the model cited a passage it was not given' };
    return { ok: true, text };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The product named, the thread's, or the one whose competitor the HCP named ("I'm happy with Crestor"). */
function productFor(ctx: QuestionContext, text: string, products: readonly ProductCard[]): ProductCard | null {
  if (ctx.targets.length > 0) return ctx.targets[0] ?? null;
  const folded = foldText(text);
  const byCompetitor = products.filter((p) => nameTermSet(p.competitors).test(folded));
  if (byCompetitor.length === 1) return byCompetitor[0] ?? null;
  return products.length === 1 ? (products[0] ?? null) : null;
}

async function productBySearch(kb: KnowledgeBase, text: string): Promise<ProductCard | null> {
  const top = (await kb.search(text, { k: 1 }))[0];
  return top ? (kb.products.find((p) => p.slug === top.chunk.product) ?? null) : null;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new RepbotError('CONFIG_INVALID', result.error, { hint: 'Fix the file named above.' });
  return result.value;
}

