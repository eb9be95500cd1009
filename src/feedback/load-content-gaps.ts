import { type ContentGapsReport, buildContentGaps } from './content-gaps.js';
import type { FeedbackStore } from './feedback-store.js';

/** The content-gaps report over a time range (see `timeBounds` for `from`/`to`), read from a store. */
export async function loadContentGaps(store: FeedbackStore, range: { from?: string; to?: string } = {}): Promise<ContentGapsReport> {
  const [unanswered, feedback] = await Promise.all([store.unanswered(range), store.list({ ...range, rating: 'down' })]);
  return buildContentGaps({ unanswered, feedback, from: range.from ?? null, to: range.to ?? null });
}
