import type { AskDraft, AskDraftRequest } from '../answering/answer-service.js';
import type { EmbeddingConfig } from '../config/config.js';

/** What a draft worker is started with: where the knowledge and index are, and the bot's embedding model. */
export interface DraftWorkerData {
  knowledgeDir: string;
  dataDir: string;
  searchEf: number;
  embeddings: EmbeddingConfig;
  /** The worker refuses to draft with another model than the bot's (its query vectors would not match the index). */
  modelId: string;
}

export interface ToDraftWorker {
  id: number;
  request: AskDraftRequest;
}

export type FromDraftWorker =
  | { type: 'draft'; id: number; draft: AskDraft | null; error?: string }
  /** The worker cannot draft (now or at all); the bot drafts in its own thread. */
  | { type: 'problem'; message: string };
