import type { CheckedReply } from '../compliance/checked-reply.js';
import type { Language } from '../knowledge/types.js';

/** An approved passage a draft quotes: what the filter grounds the draft's numbers and claims against. */
export interface ReplySource {
  id: string;
  text: string;
  approvalCode: string;
}

/** What answering hands the compliance filter. */
export interface ReplyDraft {
  text: string;
  language: Language;
  /** Product slug the draft is about, when known. */
  product?: string;
  sources: ReplySource[];
}

/**
 * The one door out of the answering module: every reply text goes through `approve`, which
 * returns the branded `CheckedReply` that only the compliance module can create. The
 * compliance filter (`createComplianceFilter`) satisfies this interface as it is.
 */
export interface ReplyFilter {
  approve<T>(draft: ReplyDraft, payload: T): Promise<CheckedReply<T>>;
}
