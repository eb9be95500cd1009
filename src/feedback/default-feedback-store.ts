import path from 'node:path';
import type { FeedbackStore } from './feedback-store.js';
import { lazyFeedbackStore } from './lazy-feedback-store.js';
import { SqliteFeedbackStore } from './sqlite-feedback-store.js';

export const FEEDBACK_DB_FILE = 'feedback.db';

export function feedbackDbPath(dataDir: string): string {
  return path.join(dataDir, FEEDBACK_DB_FILE);
}

/** The durable store in the data folder (`<data>/feedback.db`), opened on first use. */
export function defaultFeedbackStore(dataDir: string): FeedbackStore {
  return lazyFeedbackStore(() => SqliteFeedbackStore.open(feedbackDbPath(dataDir)));
}
