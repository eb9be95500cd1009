import type { FeedbackQuery, FeedbackRating, FeedbackRecord, TimeQuery, UnansweredQuestion } from './feedback-record.js';

export type { FeedbackQuery, FeedbackRating, FeedbackRecord, FeedbackSubject, TimeQuery, UnansweredQuestion } from './feedback-record.js';

/**
 * Where 👍/👎 clicks and unanswered questions go. The `feedback` export and the content-gaps
 * report (`repbot gaps`, App Home) read them back.
 */
export interface FeedbackStore {
  /**
   * Stores a click; a record with the same id (the same user on the same answer) is replaced.
   * A repeated click with the same rating and no comment keeps the comment already given.
   */
  record(entry: FeedbackRecord): Promise<void>;
  /** Adds the user's comment to their own feedback; false when there is no such record. */
  comment(id: string, user: string, text: string): Promise<boolean>;
  /** Feedback in a time range, oldest first unless `newestFirst`. */
  list(query?: FeedbackQuery): Promise<FeedbackRecord[]>;
  /** Newest first (`list` with `newestFirst`). */
  recent(options?: { rating?: FeedbackRating; limit?: number }): Promise<FeedbackRecord[]>;
  recordUnanswered(entry: UnansweredQuestion): Promise<void>;
  /** Unanswered questions in a time range, oldest first unless `newestFirst`. */
  unanswered(query?: TimeQuery): Promise<UnansweredQuestion[]>;
  close(): Promise<void>;
}
