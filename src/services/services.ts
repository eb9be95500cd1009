import type { AskOptions } from '../answering/answer-service.js';
import type { ObjectionOptions } from '../answering/objection/objection-service.js';
import type { AnswerReply } from '../answering/reply.js';
import type { RepbotConfig } from '../config/config.js';
import type { IngestReport } from '../knowledge/ingest.js';
import type { SearchOptions } from '../retrieval/knowledge-base.js';
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
  close(): Promise<void>;
}
