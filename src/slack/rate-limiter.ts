/**
 * Questions per user per minute (sliding window), so one user cannot starve the others or run
 * up LLM costs. In memory and per process; 0 turns it off.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True (and counted) when the user may ask now. */
  allow(user: string): boolean {
    if (this.perMinute <= 0) return true;
    const now = this.now();
    const recent = (this.hits.get(user) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(user, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(user, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [user, times] of this.hits) if (!times.some((t) => t > now - 60_000)) this.hits.delete(user);
  }
}
