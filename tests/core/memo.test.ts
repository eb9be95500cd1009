import { describe, expect, it } from 'vitest';
import { memoized } from '../../src/core/memo.js';

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
