import type { AskOptions } from '../answering/answer-service.js';
import type { ObjectionOptions } from '../answering/objection/objection-service.js';
import type { AnswerReply } from '../answering/reply.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { RepbotConfig } from '../config/config.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { IngestReport } from '../knowledge/ingest.js';
import type { SearchOptions } from '../retrieval/knowledge-base.js';
import type { TrainingService } from '../training/training-service.js';
import type { CheckOptions, CheckedDraft } from './check-service.js';
import type { StatusReport } from './status.js';

/** One search hit as the CLI (`search --json`) and Slack show it. */
export interface SearchResult {
  file: string;
  title: string;
  page: number | null;
  section: string | null;
  approvalCode: string;
  score: number;
  text: string;
  product: string;
  expiresOn: string | null;
}

/**
 * Everything repbot can do, free of any transport: the CLI and the Slack bot are two thin
 * faces over one `Services` object.
 */
export interface Services {
  readonly config: RepbotConfig;
  ingest(options?: { rebuild?: boolean; onProgress?: (p: { done: number; total: number; file: string }) => void }): Promise<IngestReport>;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  status(): Promise<StatusReport>;
  /**
   * A rep's question → a compliance-checked reply (answer with citations, or a route to
   * Medical Information / pharmacovigilance / not found). `toReply` gives the `Reply` document.
   */
  ask(question: string, options?: AskOptions): Promise<AnswerReply>;
  /** What an HCP said → a checked objection-handling script (`toObjectionReply` gives the document). */
  objection(text: string, options?: ObjectionOptions): Promise<AnswerReply>;
  /**
   * 👍/👎 feedback and unanswered questions (content gaps): `ask` and `objection` record every
   * reply the approved material did not answer here; the Slack bot records clicks.
   */
  readonly feedback: FeedbackStore;
  /**
   * A draft (no sources) through the compliance filter, its figures and comparisons grounded in
   * the indexed approved knowledge. `compliance` is the DESIGN.md §4 `CheckResult`.
   */
  check(text: string, options?: CheckOptions): Promise<CheckedDraft>;
  /**
   * The compliance audit log (`<data>/audit/audit.db`, opened on first use): every draft of
   * `ask`, `objection` and `check` is recorded there before the reply is given, with its
   * routing; export and hash-chain verification for reviewers.
   */
  auditLog(): AuditLog;
  /** Knowledge quizzes, doctor role-plays, rubric scoring and trainer results (`<data>/training.db`, opened on first use). */
  readonly training: TrainingService;
  close(): Promise<void>;
}
