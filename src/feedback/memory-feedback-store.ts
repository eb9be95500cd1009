import type { FeedbackQuery, FeedbackRating, FeedbackRecord, TimeQuery, UnansweredQuestion } from './feedback-record.js';
import type { FeedbackStore } from './feedback-store.js';
import { timeBounds, withinBounds } from './time-range.js';

/**
 * Feedback kept in this process's memory: for tests, and for a bot run on purpose without a
 * data folder. Its limits: everything is lost on restart and not shared between replicas; it
 * keeps the newest `maxRecords` clicks and unanswered questions (older ones are dropped, oldest
 * first). `repbot start` uses the durable SQLite store instead.
 */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly records = new Map<string, FeedbackRecord>();
  private readonly gaps: UnansweredQuestion[] = [];

  constructor(private readonly maxRecords = 5_000) {}

  async record(entry: FeedbackRecord): Promise<void> {
    const previous = this.records.get(entry.id);
    const comment = entry.comment ?? (previous?.rating === entry.rating ? previous.comment : null);
    this.records.delete(entry.id);
    this.records.set(entry.id, { ...copy(entry), comment });
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

  async list(query: FeedbackQuery = {}): Promise<FeedbackRecord[]> {
    const bounds = timeBounds(query);
    const all = [...this.records.values()].filter((r) => withinBounds(r.at, bounds) && (!query.rating || r.rating === query.rating)).map(copy);
    return ordered(all, query);
  }

  recent(options: { rating?: FeedbackRating; limit?: number } = {}): Promise<FeedbackRecord[]> {
    return this.list({ ...options, newestFirst: true });
  }

  async recordUnanswered(entry: UnansweredQuestion): Promise<void> {
    this.gaps.push({ ...entry });
    if (this.gaps.length > this.maxRecords) this.gaps.splice(0, this.gaps.length - this.maxRecords);
  }

  async unanswered(query: TimeQuery = {}): Promise<UnansweredQuestion[]> {
    const bounds = timeBounds(query);
    return ordered(
      this.gaps.filter((g) => withinBounds(g.at, bounds)).map((g) => ({ ...g })),
      query,
    );
  }

  async close(): Promise<void> {}
}

function copy(record: FeedbackRecord): FeedbackRecord {
  return { ...record, approvalCodes: [...record.approvalCodes] };
}

/** By time (insertion order among equal times), then direction and limit. */
function ordered<T extends { at: string }>(items: T[], query: TimeQuery): T[] {
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => (a.item.at < b.item.at ? -1 : a.item.at > b.item.at ? 1 : a.i - b.i));
  const list = sorted.map((s) => s.item);
  if (query.newestFirst) list.reverse();
  return list.slice(0, query.limit ?? list.length);
}
