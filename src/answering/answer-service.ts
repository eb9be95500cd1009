import { type Clock, systemClock } from '../core/clock.js';
import { describeError } from '../core/errors.js';
import type { Audience, Chunk, Language, ProductCard } from '../knowledge/types.js';
import type { KnowledgeBase, QueryAnalysis, SearchHit } from '../retrieval/knowledge-base.js';
import { answersAboutCompetitors, comparisonStatements, detectComparison } from './comparison.js';
import type { ConversationStore } from './conversation/conversation-store.js';
import { type Extraction, extractAnswer } from './extract/extract-answer.js';
import { DEFAULT_SELECTION, type SelectionTuning } from './extract/select-sentences.js';
import type { AnswerGenerator, PromptPassage } from './llm/answer-generator.js';
import { type Quote, numberQuotes } from './quote-citations.js';
import { type QuestionContext, questionContext } from './question-context.js';
import type { AnswerReply, ReplyBody, ReplyRoute } from './reply.js';
import type { DraftOrigin, ReplyFilter, ReplySource } from './reply-filter.js';
import { answerFrame, defaultReporter, llmFallbackNote, uncitedNote } from './reply-texts.js';
import type { RouteAudit } from './route-audit.js';
import { type RoutedDraft, noComparisonDraft, notFoundDraft, routedDraft } from './routed-draft.js';
import { sharedMaterialFits } from './shared-material.js';
import { gatherLabelFacts } from './routing/gather-label-facts.js';
import { type RouteSignal, decideRoute } from './routing/route-decision.js';
import type { RoutingLexicon } from './routing/routing-lexicon.js';
import { detectLanguage } from '../text/language.js';

export interface AnswerServiceDeps {
  /** The current knowledge snapshot (indexed on first use by the services). */
  knowledge(): Promise<KnowledgeBase>;
  filter: ReplyFilter;
  lexicon: RoutingLexicon;
  conversations?: ConversationStore;
  audit?: RouteAudit;
  clock?: Clock;
  /** LLM mode; the extractive answer is the fallback. */
  generator?: AnswerGenerator;
  /** Milliseconds the model gets before the extractive answer is used (default 20 s). */
  generatorTimeoutMs?: number;
  /** Passages retrieved per question (default 8). */
  searchK?: number;
  selection?: SelectionTuning;
}

/**
 * What `ask` makes of a question in context before the compliance filter sees it: a route (or
 * "not found"), or the approved sentences that answer it.
 */
export type AskDraft =
  | { kind: 'routed'; draft: RoutedDraft }
  | { kind: 'answer'; text: string; body: ReplyBody; sources: ReplySource[] };

export interface DraftSettings {
  lexicon: RoutingLexicon;
  /** Passages retrieved per question. */
  k: number;
  selection: SelectionTuning;
}

export interface AskOptions {
  /** Slack thread or REPL session: follow-ups use the previous question in it. */
  threadId?: string;
  /** Who asked (Slack user id, or the person at the terminal): kept in the audit record. */
  user?: string;
  /** Slack channel id (absent for the CLI): kept in the audit record. */
  channel?: string;
  /** Where the question came from (`cli`, `chat`, `slack`): kept in the audit record. */
  via?: string;
  /** Restrict to one product (slug, name or alias). */
  product?: string;
  /** Only material for these audiences (a Slack Connect channel with HCPs: ['hcp']). */
  audiences?: Audience[];
}

export interface AnswerService {
  ask(question: string, options?: AskOptions): Promise<AnswerReply>;
}

const DEFAULT_K = 8;
const ANSWER_EXTRA_HITS = 4;
const EXCLUDED_FROM_ANSWERS: ReadonlySet<string> = new Set(['objection-handler']);
const DEFAULT_GENERATOR_TIMEOUT_MS = 20_000;
const MODEL_PASSAGES = 5;

/**
 * `ask`: question → thread context → routing (adverse event, off-label, individual advice) →
 * retrieval → the approved sentences that answer it (or, in LLM mode, the model's answer from
 * those passages) → compliance filter. Every path ends in `filter.approve`.
 */
export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const clock = deps.clock ?? systemClock;
  const k = deps.searchK ?? DEFAULT_K;

  const settings: DraftSettings = { lexicon: deps.lexicon, k, selection: deps.selection ?? DEFAULT_SELECTION };

  async function ask(question: string, options: AskOptions = {}): Promise<AnswerReply> {
    const kb = await deps.knowledge();
    const ctx = await questionContext(question, kb.products, deps.conversations, options);
    const { draft, hits, extraction } = await draftAsk(kb, ctx, question, settings, options.audiences);
    if (draft.kind === 'routed') {
      await recordRoute(draft.draft, ctx, options);
      return finish(ctx, draft.draft.text, bodyOf(ctx, draft.draft, 'routed'), draft.draft.sources, options);
    }
    if (!deps.generator || !hits || !extraction) return finish(ctx, draft.text, draft.body, draft.sources, options);

    const generated = await generateWithFallback(deps.generator, ctx, hits, extraction, deps.generatorTimeoutMs ?? DEFAULT_GENERATOR_TIMEOUT_MS);
    if (!generated.ok) {
      return finish(ctx, draft.text, { ...draft.body, notes: [llmFallbackNote(ctx.language, generated.reason)] }, draft.sources, options);
    }
    return finish(ctx, generated.text, { ...draft.body, mode: 'llm', citations: generated.citations }, generated.sources, options);
  }

  async function finish(ctx: QuestionContext, text: string, body: ReplyBody, sources: ReplySource[], options: AskOptions): Promise<AnswerReply> {
    const origin = originOf('ask', ctx, options);
    let checked = await deps.filter.approve({ text, language: ctx.language, product: body.product ?? undefined, sources, origin }, body);
    if (lostEveryCitation(checked)) {
      // The filter removed every cited statement: what is left has no source, so it is not an answer.
      const draft = notFoundDraft(ctx.language, (await deps.knowledge()).products, ctx.targets);
      const note = uncitedNote(ctx.language);
      await recordRoute(draft, ctx, options);
      const replaces = checked.payload.auditId;
      checked = await deps.filter.approve(
        { text: draft.text, language: ctx.language, product: draft.product ?? undefined, sources: draft.sources, origin: replaces === null ? origin : { ...origin, replaces } },
        { ...bodyOf(ctx, draft, 'routed'), notes: [note, ...checked.compliance.notes] },
      );
    }
    if (deps.conversations && options.threadId) {
      await deps.conversations.remember(options.threadId, {
        question: ctx.message,
        effectiveQuestion: ctx.effective,
        products: ctx.targets.length > 0 ? ctx.targets.map((p) => p.slug) : body.product ? [body.product] : [],
        route: body.route,
        at: clock.now().getTime(),
      });
    }
    return checked;
  }

  async function recordRoute(draft: RoutedDraft, ctx: QuestionContext, options: AskOptions): Promise<void> {
    if (!deps.audit) return;
    await deps.audit.record({
      at: clock.now().toISOString(),
      user: options.user ?? null,
      threadId: options.threadId ?? null,
      kind: 'answer',
      question: ctx.message,
      route: draft.routing.route,
      reason: draft.routing.reason,
      detail: draft.routing.detail,
      product: draft.product,
      ...(draft.routing.fields ? { fields: draft.routing.fields } : {}),
    });
  }

  return { ask };
}

/**
 * `ask`'s draft for a question in context: routing (adverse event, off-label, individual
 * advice), else retrieval and the approved sentences that answer it, else "not found". Reads
 * the snapshot only.
 */
export async function draftAsk(
  kb: KnowledgeBase,
  ctx: QuestionContext,
  question: string,
  settings: DraftSettings,
  audiences?: Audience[],
): Promise<{ draft: AskDraft; hits?: SearchHit[]; extraction?: Extraction }> {
  const { k } = settings;
  const products = kb.products;
  // Analysed once, for the search and for the extraction.
  let analysis: QueryAnalysis | null = null;
  const analyzed = () => (analysis ??= kb.analyze(ctx.effective, { product: ctx.productOption }));
  // Retrieval runs once: routing reads label facts from the same passages the answer quotes.
  let retrieval: Promise<SearchHit[]> | null = null;
  const retrieve = () =>
    (retrieval ??= kb
      .search(ctx.effective, { k: k + ANSWER_EXTRA_HITS, product: ctx.productOption, audiences, analysis: analyzed() })
      // Objection handlers are scripts for `objection`; product questions are answered from labels, FAQs and detail aids,
      // and from shared guidelines about the product's conditions.
      .then((found) =>
        found.filter((h) => !EXCLUDED_FROM_ANSWERS.has(h.chunk.docType) && sharedMaterialFits(h.chunk, ctx.targets, settings.lexicon.offLabel.conditions)).slice(0, k),
      ));
  const route = await routeFor(kb, ctx, settings.lexicon, retrieve, audiences);
  if (route) return { draft: { kind: 'routed', draft: routedDraft(route, ctx.language, products, ctx.targets) } };
  // "Is Calmira better than Humira?": only an approved statement about comparison answers it.
  const comparison = detectComparison(ctx.effective, ctx.targets, settings.lexicon.comparison);
  if (comparison) {
    const statements = await comparisonStatements(kb, comparison, settings.lexicon.comparison, ctx.language, audiences);
    if (statements.length === 0) return { draft: { kind: 'routed', draft: noComparisonDraft(ctx.language, comparison) } };
    return { draft: quotedAnswer(ctx, question, statements, comparison.product.slug) };
  }

  const hits = await retrieve();
  const extraction = extractAnswer(ctx.effective, analyzed(), hits, settings.selection);
  const chosenText = extraction.chosen.map((s) => s.candidate.text);
  if (chosenText.length === 0 || !answersAboutCompetitors(ctx.effective, ctx.targets, chosenText)) {
    return { draft: { kind: 'routed', draft: notFoundDraft(ctx.language, products, ctx.targets) } };
  }

  const quotes: Quote[] = extraction.chosen.map((s) => ({ text: s.candidate.text, chunk: s.candidate.chunk }));
  return { draft: quotedAnswer(ctx, question, quotes, ctx.targets[0]?.slug ?? extraction.chosen[0]?.candidate.chunk.product ?? null), hits, extraction };
}

/** An answer of approved sentences, quoted verbatim with their citations. */
function quotedAnswer(ctx: QuestionContext, question: string, quotes: readonly Quote[], product: string | null): AskDraft {
  const numbered = numberQuotes(quotes);
  const body: ReplyBody = {
    kind: 'answer',
    question,
    language: ctx.language,
    citations: numbered.citations,
    route: null,
    routing: null,
    product,
    notes: [],
    mode: 'extractive',
    auditId: null,
  };
  return { kind: 'answer', text: extractiveText(ctx.language, numbered.quotes), body, sources: numbered.sources };
}

/** Who asked what, where: the audit side of a draft. */
export function originOf(kind: DraftOrigin['kind'], ctx: QuestionContext, options: AskOptions): DraftOrigin {
  return {
    kind,
    question: ctx.message,
    user: options.user ?? null,
    channel: options.channel ?? null,
    via: options.via ?? 'unknown',
    threadId: options.threadId ?? null,
  };
}

/** An answer (not a route) whose filtered text kept none of its citation markers. */
export function lostEveryCitation(checked: AnswerReply): boolean {
  const body = checked.payload;
  if (body.route !== null || body.citations.length === 0 || checked.text === '') return false;
  return !body.citations.some((c) => checked.text.includes(`[${c.n}]`));
}

/** Routing for a message in context; shared by `ask` and `objection`. `retrieved` gives the question's passages (searched once). */
export async function routeFor(
  kb: KnowledgeBase,
  ctx: QuestionContext,
  lexicon: RoutingLexicon,
  retrieved: () => Promise<readonly SearchHit[]> = () => kb.search(ctx.effective, { k: DEFAULT_K, product: ctx.productOption }),
  audiences?: Audience[],
): Promise<RouteSignal | null> {
  return decideRoute({
    message: ctx.message,
    question: ctx.effective,
    products: kb.products,
    targets: ctx.targets,
    lexicon,
    defaultReporter: defaultReporter(ctx.language),
    labelFacts: async (product: ProductCard, scope) => gatherLabelFacts(kb, product, scope, lexicon.offLabel, await retrieved(), audiences),
  });
}

export function bodyOf(ctx: QuestionContext, draft: RoutedDraft, mode: ReplyBody['mode']): ReplyBody {
  const route: ReplyRoute = draft.routing.route;
  return {
    kind: 'answer',
    question: ctx.message,
    language: ctx.language,
    citations: draft.citations,
    route,
    routing: draft.routing,
    product: draft.product,
    notes: [],
    mode,
    auditId: null,
  };
}

/** The extractive answer: a frame in the rep's language, then each approved sentence with its marker. */
export function extractiveText(language: Language, quotes: ReadonlyArray<{ text: string; n: number; chunk: Chunk }>): string {
  const other = quotes.filter((q) => detectLanguage(q.text) !== language).length;
  const frame = answerFrame(language, quotes.map((q) => q.chunk.docType), other > 0, other === quotes.length);
  return [frame, ...quotes.map((q) => `• ${q.text} [${q.n}]`)].join('\n');
}

type Generated =
  | { ok: true; text: string; citations: ReplyBody['citations']; sources: ReplySource[] }
  | { ok: false; reason: string };

const MARKER = /\[(\d{1,2})\]/g;

/** The model's answer from the best passages; any failure, timeout or uncited answer gives the reason instead. */
async function generateWithFallback(generator: AnswerGenerator, ctx: QuestionContext, hits: readonly SearchHit[], extraction: Extraction, timeoutMs: number): Promise<Generated> {
  const chunks = passagesFor(hits, extraction);
  const numbered = numberQuotes(chunks.map((chunk) => ({ text: chunk.text, chunk })));
  const passages: PromptPassage[] = numbered.quotes.map((q) => ({ n: q.n, title: q.chunk.title, section: q.chunk.section, approvalCode: q.chunk.approvalCode, text: q.chunk.text }));
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    const text = await Promise.race([
      generator.generate({ question: ctx.effective, language: ctx.language, passages }, controller.signal),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
    const cited = new Set([...text.matchAll(MARKER)].map((m) => Number(m[1])));
    const known = new Set(passages.map((p) => p.n));
    if (text.trim() === '' || cited.size === 0) return { ok: false, reason: 'the model cited no approved passage' };
    if ([...cited].some((n) => !known.has(n))) return { ok: false, reason: 'the model cited a passage it was not given' };
    const keep = numbered.citations.map((c) => cited.has(c.n));
    const citations = numbered.citations.filter((_, i) => keep[i]).map((c) => ({ ...c, quote: excerpt(c.quote) }));
    const sources = numbered.sources.filter((_, i) => keep[i]);
    return { ok: true, text: text.trim(), citations, sources };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The passages of the chosen sentences first, then the best other hits. */
function passagesFor(hits: readonly SearchHit[], extraction: Extraction): Chunk[] {
  const out: Chunk[] = [];
  for (const s of extraction.chosen) if (!out.some((c) => c.id === s.candidate.chunk.id)) out.push(s.candidate.chunk);
  for (const h of hits) if (out.length < MODEL_PASSAGES && !out.some((c) => c.id === h.chunk.id)) out.push(h.chunk);
  return out;
}

function excerpt(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
