import type { ReplyRoute } from '../answering/reply.js';

export type FeedbackRating = 'up' | 'down';

/** What the 👍/👎 buttons carry, so a click can be recorded without looking the answer up. */
export interface FeedbackSubject {
  kind: 'answer' | 'objection';
  question: string;
  route: ReplyRoute | null;
  /** Approval codes the answer cited. */
  approvalCodes: string[];
  /** The compliance verdict of the answer. */
  verdict: string;
}

export interface FeedbackRecord extends FeedbackSubject {
  id: string;
  at: string;
  user: string;
  channel: string | null;
  /** The answer message (absent for ephemeral answers to `/repbot`). */
  messageTs: string | null;
  rating: FeedbackRating;
  /** "What was wrong", when the user said. */
  comment: string | null;
}

/** Where 👍/👎 clicks go. The content-gaps report for medical affairs reads them back. */
export interface FeedbackStore {
  record(entry: FeedbackRecord): Promise<void>;
  /** Adds the user's comment to their own feedback; false when there is no such record. */
  comment(id: string, user: string, text: string): Promise<boolean>;
  /** Newest first. */
  recent(options?: { rating?: FeedbackRating; limit?: number }): Promise<FeedbackRecord[]>;
}

/**
 * The default store. Its limits: it lives in this process's memory, so feedback is lost on
 * restart and not shared between replicas; it keeps the newest `maxRecords` (older ones are
 * dropped, oldest first). Production deployments that need the feedback kept with the audit
 * record should pass a durable store to `startSlackBot`.
 */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly records = new Map<string, FeedbackRecord>();

  constructor(private readonly maxRecords = 5_000) {}

  async record(entry: FeedbackRecord): Promise<void> {
    this.records.delete(entry.id);
    this.records.set(entry.id, { ...entry, approvalCodes: [...entry.approvalCodes] });
    while (this.records.size > this.maxRecords) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
  }

  async comment(id: string, user: string, text: string): Promise<boolean> {
    const record = this.records.get(id);
    if (!record || record.user !== user) return false;
    record.comment = text;
    return true;
  }

  async recent(options: { rating?: FeedbackRating; limit?: number } = {}): Promise<FeedbackRecord[]> {
    const all = [...this.records.values()].reverse().filter((r) => !options.rating || r.rating === options.rating);
    return all.slice(0, options.limit ?? all.length).map((r) => ({ ...r, approvalCodes: [...r.approvalCodes] }));
  }
}
