export interface FusionOptions {
  /** RRF constant: larger values flatten the difference between top and lower ranks (default 60). */
  k?: number;
  /** One weight per ranking (default 1 each). */
  weights?: readonly number[];
}

export interface FusedHit {
  id: string;
  /** Σ weight / (k + rank), rank starting at 1. */
  score: number;
  /** Rank of the id in each input list (1-based), null where it is absent. */
  ranks: Array<number | null>;
}

/**
 * Reciprocal rank fusion of several rankings (e.g. keyword and vector hits). Scores are
 * compared, not ranks' raw values, so lists of different kinds and lengths combine safely.
 * Ties go to the id with the better best rank, then to the earlier list, then by id.
 */
export function fuseRankings(lists: ReadonlyArray<ReadonlyArray<{ id: string }>>, options: FusionOptions = {}): FusedHit[] {
  const k = options.k ?? 60;
  const fused = new Map<string, FusedHit & { best: number; firstList: number }>();
  lists.forEach((list, listIndex) => {
    const weight = options.weights?.[listIndex] ?? 1;
    const seen = new Set<string>();
    list.forEach(({ id }, position) => {
      // An id listed twice in one ranking counts at its better rank only.
      if (seen.has(id)) return;
      seen.add(id);
      const rank = position + 1;
      let hit = fused.get(id);
      if (!hit) {
        hit = { id, score: 0, ranks: lists.map(() => null), best: rank, firstList: listIndex };
        fused.set(id, hit);
      }
      hit.score += weight / (k + rank);
      hit.ranks[listIndex] = rank;
      hit.best = Math.min(hit.best, rank);
    });
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.best - b.best || a.firstList - b.firstList || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, score, ranks }) => ({ id, score, ranks }));
}
