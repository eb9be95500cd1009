import type { Seal } from '../compliance/compliance-filter.js';
import type { Language } from '../knowledge/types.js';
import type { AnswerReply, ReplyBody } from './reply.js';

/** An approved passage a draft quotes: what the filter grounds the draft's numbers and claims against. */
export interface ReplySource {
  id: string;
  text: string;
  approvalCode: string;
}

/** Who a draft is for and how it came about: what the audit record keeps besides the draft. */
export interface DraftOrigin {
  kind: 'ask' | 'objection';
  /** The rep's message as they wrote it. */
  question: string;
  /** Slack user id, or the person running the CLI. */
  user: string | null;
  /** Slack channel id; null for the CLI. */
  channel: string | null;
  /** Where the message came from: `cli`, `chat`, `slack`… */
  via: string;
  threadId: string | null;
  /** Audit id of an earlier draft of this reply that it replaces (an answer that lost every citation to the filter). */
  replaces?: number;
}

/** What answering hands the compliance filter. */
export interface ReplyDraft {
  text: string;
  language: Language;
  /** Product slug the draft is about, when known. */
  product?: string;
  sources: ReplySource[];
  /** For the audit record; the services fill in what is missing. */
  origin?: DraftOrigin;
}

/**
 * The one door out of the answering module: every reply text goes through `approve`, which
 * returns the branded `CheckedReply` that only the compliance module can create. The
 * compliance filter (`createComplianceFilter`) satisfies this interface as it is; the services
 * wrap it so that every approved draft is also written to the audit log (`seal`).
 */
export interface ReplyFilter {
  approve(draft: ReplyDraft, body: ReplyBody, seal?: Seal<ReplyBody>): Promise<AnswerReply>;
}
