import { describe, expect, it } from 'vitest';
import { DayMemo, memoized } from '../../src/core/memo.js';

describe('memoized', () => {
  it('computes each key once, and starts over when the memo holds `limit` keys', () => {
    const calls: string[] = [];
    const upper = memoized((key: string) => {
      calls.push(key);
      return key.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
    upper('c'); // full: dropped, then c kept
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('remembers an undefined result too', () => {
    let n = 0;
    const nothing = memoized(() => {
      n += 1;
      return undefined;
    }, 10);
    nothing('x');
    nothing('x');
    expect(n).toBe(1);
  });
});

describe('DayMemo', () => {
  it('computes each key once a day, starts over on a new day or when it holds `limit` keys, and forgets a deleted key', () => {
    const calls: string[] = [];
    const memo = new DayMemo<string>(2);
    const get = (day: string, key: string) =>
      memo.get(day, key, () => {
        calls.push(`${day}:${key}`);
        return key.toUpperCase();
      });
    expect([get('d1', 'a'), get('d1', 'b'), get('d1', 'a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['d1:a', 'd1:b']);
    get('d2', 'a'); // another day: nothing of d1 is used
    expect(calls).toEqual(['d1:a', 'd1:b', 'd2:a']);
    get('d2', 'b');
    get('d2', 'c'); // full: dropped, then c kept
    get('d2', 'a');
    expect(calls).toEqual(['d1:a', 'd1:b', 'd2:a', 'd2:b', 'd2:c', 'd2:a']);
    memo.delete('a');
    get('d2', 'a');
    expect(calls.at(-1)).toBe('d2:a');
    expect(calls).toHaveLength(7);
  });
});
