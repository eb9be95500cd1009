import fs from 'node:fs';
import path from 'node:path';
import type { RepbotConfig } from '../config/config.js';
import { type Clock, systemClock } from '../core/clock.js';
import { RepbotError } from '../core/errors.js';
import { defaultFeedbackStore } from '../feedback/default-feedback-store.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { recordingGaps } from '../feedback/record-gaps.js';
import { loadCatalog } from '../knowledge/catalog.js';
import type { IngestReport } from '../knowledge/ingest.js';
import { scanKnowledge } from '../knowledge/scan.js';
import { EmbeddingCache } from '../retrieval/embedding-cache.js';
import { createEmbeddings } from '../retrieval/embeddings/create-embeddings.js';
import type { EmbeddingModel } from '../retrieval/embeddings/embedding-model.js';
import { DEFAULT_GLOSSARY_PATH, loadGlossary } from '../retrieval/glossary.js';
import { IndexStore, type LoadedIndex } from '../retrieval/index-store.js';
import { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { ConversationStore } from '../answering/conversation/conversation-store.js';
import type { AnswerGenerator } from '../answering/llm/answer-generator.js';
import type { ReplyFilter } from '../answering/reply-filter.js';
import type { RouteAudit } from '../answering/route-audit.js';
import { type LlmConfig, loadLlmConfig } from '../answering/llm/llm-config.js';
import { createAnswerServices, createLlmGenerators } from './answer-services.js';
import { type AuditSink, createAuditRecorder } from './audit-recorder.js';
import { createCheckService } from './check-service.js';
import { auditedTrainingFilter } from './training-filter.js';
import { complianceFilterFor } from './compliance-wiring.js';
import { createDefaultTraining } from '../training/create-training.js';
import { createLlmFeedbackWriter } from '../training/scoring/feedback-writer.js';
import { createChatModel } from '../answering/llm/chat-model-factory.js';
import type { SearchResult, Services } from './services.js';
import { buildStatus } from './status.js';

export interface ServiceOptions {
  clock?: Clock;
  embeddings?: EmbeddingModel;
  /** Where progress notes go (stderr for the CLI). */
  log?: (line: string) => void;
  /** The compliance filter for a snapshot (default: the shipped rule packs and the knowledge folder's overrides). */
  replyFilter?: (kb: KnowledgeBase) => ReplyFilter;
  /** Thread memory for follow-ups (default: in memory, bounded). */
  conversations?: ConversationStore;
  /** An extra hook for routed questions (tests list them); the audit log records them either way. */
  routeAudit?: RouteAudit;
  /** Where checked drafts are recorded (default: the SQLite audit log at <data>/audit/audit.db, opened on first use). */
  auditSink?: AuditSink;
  /** LLM mode for `ask` (default: from REPBOT_LLM; none = extractive, offline). */
  answerGenerator?: AnswerGenerator;
  /** LLM settings when no generator is given (default: read from the environment). */
  llm?: LlmConfig;
  /** Feedback and unanswered questions (default: SQLite at <data>/feedback.db, opened on first use). */
  feedback?: FeedbackStore;
}

export async function createServices(config: RepbotConfig, options: ServiceOptions = {}): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => {});
  const embeddings = options.embeddings ?? createEmbeddings(config.embeddings);
  const store = new IndexStore(config.dataDir);
  const cache = new EmbeddingCache(config.dataDir, embeddings.modelId);
  let snapshot: KnowledgeBase | null = null;
  let loading: Promise<KnowledgeBase> | null = null;

  async function buildSnapshot(loaded?: LoadedIndex | null): Promise<KnowledgeBase> {
    const index = loaded ?? (await store.load(embeddings, config.searchEf));
    const scan = await scanKnowledge(config.knowledgeDir).catch(() => null);
    const catalog = scan ? await loadCatalog(scan) : { products: [], problems: [] };
    const extension = path.join(config.knowledgeDir, 'glossary.yaml');
    const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH, ...(fs.existsSync(extension) ? [extension] : [])]);
    if (!glossary.ok) throw new RepbotError('INPUT_INVALID', glossary.error, { hint: 'Fix the glossary file named above.' });
    return new KnowledgeBase(index, catalog.products, glossary.value, embeddings, clock);
  }

  /** The live snapshot; built on first use and replaced whole after each ingest. */
  async function knowledge(): Promise<KnowledgeBase> {
    if (snapshot) return snapshot;
    loading ??= buildSnapshot().finally(() => {
      loading = null;
    });
    snapshot = await loading;
    return snapshot;
  }

  async function ingest(opts: Parameters<Services['ingest']>[0] = {}): Promise<IngestReport> {
    // Loaded on first use: the document loaders (PDF, Word, HTML) take most of a second to
    // import, and a question over an existing index needs none of them.
    const { ingestKnowledge } = await import('../knowledge/ingest.js');
    const report = await ingestKnowledge(
      {
        knowledgeDir: config.knowledgeDir,
        store,
        cache,
        embeddings,
        clock,
        maxFileBytes: config.maxFileBytes,
        searchEf: config.searchEf,
        onProgress: opts.onProgress,
      },
      { rebuild: opts.rebuild },
    );
    // A full rewrite hands over the index it built; after a delta the next question loads the
    // new generation, so `repbot ingest` itself stays as fast as the write.
    snapshot = report.index ? await buildSnapshot(report.index) : report.generation ? null : snapshot;
    return report;
  }

  /**
   * The first question on a fresh clone indexes the folder instead of failing; one over an index
   * built with another embedding model (an upgrade, or REPBOT_EMBEDDINGS changed) rebuilds it
   * first, as its vectors cannot be compared with the question's.
   */
  async function ready(): Promise<KnowledgeBase> {
    const kb = await knowledge();
    const builtWith = kb.index?.manifest.embeddingModelId;
    if (kb.index && builtWith === embeddings.modelId) return kb;
    log(
      kb.index
        ? `The index in ${config.dataDir} was built with the embedding model ${builtWith}, not ${embeddings.modelId} — indexing ${config.knowledgeDir} again first…`
        : `No index in ${config.dataDir} yet — indexing ${config.knowledgeDir} first…`,
    );
    const report = await ingest();
    log(`Indexed ${report.chunks} chunks from ${report.added + report.updated + report.unchanged} documents (${report.skipped.length} not indexed; see \`repbot status\`).`);
    return knowledge();
  }

  const llm = options.llm ?? loadLlmConfig(process.env);
  const generators = options.answerGenerator ? { answer: options.answerGenerator } : await createLlmGenerators(llm);
  const auditLog = createAuditRecorder({ dataDir: config.dataDir, clock, ...(options.auditSink ? { sink: options.auditSink } : {}) });
  const compliance = complianceFilterFor(config.knowledgeDir);
  const answers = createAnswerServices({
    knowledge: ready,
    filterFor: options.replyFilter ?? compliance,
    auditLog,
    clock,
    conversations: options.conversations,
    audit: options.routeAudit,
    generator: generators.answer,
    respondGenerator: 'respond' in generators ? generators.respond : undefined,
    generatorTimeoutMs: llm.timeoutMs,
  });

  // `check` always uses the real rules (a test's reply filter is for answers), grounded in the knowledge base.
  const checks = createCheckService({ knowledge: ready, filterFor: compliance, audit: auditLog });

  const feedback = options.feedback ?? defaultFeedbackStore(config.dataDir);
  const now = () => clock.now();
  const training = createDefaultTraining({
    knowledge: ready,
    // The same filter as answers (rule packs, company overrides, product cards), one per snapshot.
    checkerFor: compliance,
    // Every text a rep is shown (doctor's lines, quiz questions and answers, coaching) is minted
    // by that filter and recorded in the audit log first (fails closed).
    filterFor: auditedTrainingFilter(compliance, auditLog),
    dataDir: config.dataDir,
    clock,
    sessionHours: config.trainingSessionHours,
    // LLM mode adds a written coaching note to training scores (never changes a score).
    ...(options.answerGenerator || llm.provider === 'none' ? {} : await trainingFeedbackWriter(llm)),
    // Every checked rep turn goes to the compliance audit log like any other draft (fails closed).
    audit: (entry) => {
      auditLog.record(entry);
    },
  });

  return {
    config,
    ingest,
    ask: recordingGaps(answers.ask, feedback, now, log),
    objection: recordingGaps(answers.objection, feedback, now, log),
    feedback,
    check: checks.check,
    auditLog: auditLog.log,
    training,
    async search(query, opts = {}) {
      const kb = await ready();
      const hits = await kb.search(query, { ...opts, k: opts.k ?? config.topK });
      return hits.map(
        ({ chunk, score }): SearchResult => ({
          file: chunk.file,
          title: chunk.title,
          page: chunk.page,
          section: chunk.section,
          approvalCode: chunk.approvalCode,
          score: Math.round(score * 1000) / 1000,
          text: chunk.text,
          product: chunk.product,
          expiresOn: chunk.expiresOn,
        }),
      );
    },
    async status() {
      const kb = await knowledge();
      return buildStatus({
        knowledgeDir: config.knowledgeDir,
        embeddingModel: embeddings.modelId,
        indexRoot: store.root,
        generation: kb.index?.generation ?? null,
        manifest: kb.index?.manifest ?? null,
        products: kb.products,
        now: clock.now(),
      });
    },
    async close() {
      snapshot = null;
      await feedback.close();
      auditLog.close();
      training.close();
    },
  };
}

async function trainingFeedbackWriter(llm: LlmConfig) {
  const model = await createChatModel(llm);
  return model ? { feedbackWriter: createLlmFeedbackWriter(model), feedbackTimeoutMs: llm.timeoutMs } : {};
}
