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
