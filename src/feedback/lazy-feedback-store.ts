import type { FeedbackStore } from './feedback-store.js';

/**
 * A store opened on first use: commands that never touch feedback (`search`, `status`) do not
 * create or lock its file, and the Slack bot can be built before its services are ready.
 * Closing a store that was never opened does nothing.
 */
export function lazyFeedbackStore(open: () => FeedbackStore): FeedbackStore {
  let store: FeedbackStore | null = null;
  const get = () => (store ??= open());
  return {
    record: (entry) => get().record(entry),
    comment: (id, user, text) => get().comment(id, user, text),
    list: (query) => get().list(query),
    recent: (options) => get().recent(options),
    recordUnanswered: (entry) => get().recordUnanswered(entry),
    unanswered: (query) => get().unanswered(query),
    async close() {
      const opened = store;
      store = null;
      await opened?.close();
    },
  };
}
