import { type Clock, systemClock } from '../../core/clock.js';
import type { ConversationStore, ConversationTurn } from './conversation-store.js';

export interface MemoryConversationOptions {
  /** Threads kept; the least recently used goes first (default 1,000). */
  maxThreads?: number;
  /** Turns kept per thread (default 5; only the latest is used as context). */
  maxTurns?: number;
  /** A turn older than this is no longer context (default 30 minutes). */
  ttlMs?: number;
  clock?: Clock;
}

/**
 * The default `ConversationStore`: in process memory, lost on restart. Limits: at most
 * `maxThreads` threads × `maxTurns` turns (defaults 1,000 × 5, each turn a few hundred bytes,
 * so well under 5 MB), least recently used threads evicted first; turns older than `ttlMs`
 * (default 30 min) are ignored and dropped when their thread is next read.
 */
export class MemoryConversationStore implements ConversationStore {
  private readonly threads = new Map<string, ConversationTurn[]>();
  private readonly maxThreads: number;
  private readonly maxTurns: number;
  private readonly ttlMs: number;
  private readonly clock: Clock;

  constructor(options: MemoryConversationOptions = {}) {
    this.maxThreads = options.maxThreads ?? 1_000;
    this.maxTurns = options.maxTurns ?? 5;
    this.ttlMs = options.ttlMs ?? 30 * 60 * 1000;
    this.clock = options.clock ?? systemClock;
  }

  get size(): number {
    return this.threads.size;
  }

  async latest(threadId: string): Promise<ConversationTurn | null> {
    const turns = this.threads.get(threadId);
    if (!turns) return null;
    const fresh = turns.filter((t) => this.clock.now().getTime() - t.at <= this.ttlMs);
    if (fresh.length === 0) {
      this.threads.delete(threadId);
      return null;
    }
    this.threads.delete(threadId);
    this.threads.set(threadId, fresh);
    return fresh[fresh.length - 1] ?? null;
  }

  async remember(threadId: string, turn: ConversationTurn): Promise<void> {
    const turns = [...(this.threads.get(threadId) ?? []), turn].slice(-this.maxTurns);
    this.threads.delete(threadId);
    this.threads.set(threadId, turns);
    while (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
  }
}
