import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../src/retrieval/fusion.js';

const ids = (...list: string[]) => list.map((id) => ({ id }));

describe('fuseRankings', () => {
  it('scores by reciprocal rank and puts items found by both methods first', () => {
    const fused = fuseRankings([ids('a', 'b', 'c'), ids('c', 'd', 'a')]);
    expect(fused.map((h) => h.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 63);
    expect(fused[0]?.ranks).toEqual([1, 3]);
    expect(fused.find((h) => h.id === 'd')?.ranks).toEqual([null, 2]);
  });

  it('honours k and per-list weights', () => {
    const fused = fuseRankings([ids('a'), ids('b')], { k: 10, weights: [1, 2] });
    expect(fused.map((h) => h.id)).toEqual(['b', 'a']);
    expect(fused[0]?.score).toBeCloseTo(2 / 11);
  });

  it('breaks ties deterministically and ignores repeated ids within a list', () => {
    expect(fuseRankings([ids('x', 'y'), ids('y', 'x')]).map((h) => h.id)).toEqual(['x', 'y']);
    const fused = fuseRankings([ids('a', 'a', 'b')]);
    expect(fused.map((h) => [h.id, h.ranks[0]])).toEqual([['a', 1], ['b', 3]]);
  });

  it('handles empty input', () => {
    expect(fuseRankings([])).toEqual([]);
    expect(fuseRankings([[], []])).toEqual([]);
  });
});
