/**
 * `compute`, remembered by key. The memo is dropped whole when it holds `limit` keys: the
 * values are cheap to recompute, and the keys of a long-running bot (questions, sections,
 * terms) are not a bounded set.
 */
export function memoized<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = compute(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value as V;
  };
}

/**
 * Values that hold for one day (approval and expiry are checked by date), by key. Everything is
 * dropped when the day changes, or when `limit` keys are held (rarely used keys: start over
 * rather than grow without bound).
 */
export class DayMemo<V> {
  private day = '';
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(day: string, key: string, compute: () => V): V {
    if (day !== this.day) {
      this.values.clear();
      this.day = day;
    }
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = compute();
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
