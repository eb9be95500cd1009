export interface EventDedupeOptions {
  /** How long a key is remembered. Slack retries within about 5 minutes (3 attempts). */
  ttlMs?: number;
  /** At most this many keys are kept; the oldest go first. */
  maxKeys?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 15 * 60_000;
const DEFAULT_MAX_KEYS = 20_000;

/**
 * Remembers which events were already taken, so Slack's retries (`x-slack-retry-num`) and the
 * same message arriving twice (as `app_mention` and `message.im`, or re-delivered) are answered
 * once. In memory and per process: with several replicas behind a load balancer, put a shared
 * store behind this interface instead.
 */
export class EventDedupe {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: EventDedupeOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
    this.now = options.now ?? Date.now;
  }

  /**
   * True when none of the keys was seen (the caller should handle the event); the keys are then
   * remembered. Synchronous, so two concurrent deliveries cannot both win.
   */
  claim(keys: ReadonlyArray<string | undefined>): boolean {
    const now = this.now();
    this.evict(now);
    const present = keys.filter((k): k is string => typeof k === 'string' && k !== '');
    if (present.some((k) => this.seen.has(k))) return false;
    for (const k of present) this.seen.set(k, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private evict(now: number): void {
    // Map keeps insertion order, and every key gets the same TTL: the oldest are first.
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size <= this.maxKeys) break;
      this.seen.delete(key);
    }
  }
}
