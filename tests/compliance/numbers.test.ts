import { describe, expect, it } from 'vitest';
import { foldPlain } from '../../src/compliance/fold.js';
import { extractNumbers, parseChineseNumber } from '../../src/compliance/numbers.js';

const values = (text: string) => extractNumbers(foldPlain(text)).map((n) => [n.value, n.unit]);

describe('parseChineseNumber', () => {
  it('reads Chinese numerals', () => {
    expect(parseChineseNumber('三十')).toBe(30);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一百二十')).toBe(120);
    expect(parseChineseNumber('两万')).toBe(20000);
    expect(parseChineseNumber('三点五')).toBe(3.5);
    expect(parseChineseNumber('二〇二五')).toBe(2025);
  });
});

describe('extractNumbers', () => {
  it('finds figures with units in English', () => {
    expect(values('LDL-C fell 39% at 10 mg (p<0.001; 95% CI 0.5-0.8) over 12 weeks in 1,000 patients')).toEqual([
      [39, 'percent'], [10, 'mg'], [0.001, null], [95, 'percent'], [0.5, null], [0.8, null], [12, 'week'], [1000, 'person'],
    ]);
  });

  it('normalises Chinese numerals and percent forms', () => {
    expect(values('降低百分之三十，十二周后，每日两次，全角４０ｍｇ')).toEqual([[30, 'percent'], [12, 'week'], [2, 'times'], [40, 'mg']]);
  });

  it('leaves idioms and bare numerals alone', () => {
    expect(values('一般来说，十分安全，第一次用药，万一')).toEqual([]);
  });

  it('gives a range or list the unit of its last member', () => {
    expect(values('10 to 80 mg')).toEqual([[10, 'mg'], [80, 'mg']]);
    expect(values('10, 20, 40, and 80 mg')).toEqual([[10, 'mg'], [20, 'mg'], [40, 'mg'], [80, 'mg']]);
  });

  it('reads multiplying words as ratios, but not double-blind', () => {
    expect(values('doubles the response rate')).toEqual([[2, 'fold']]);
    expect(values('a double-blind study')).toEqual([]);
    expect(values('风险减半')).toEqual([[0.5, 'fold']]);
  });

  it('does not read numbers inside words', () => {
    expect(values('CYP3A4 and HbA1c')).toEqual([]);
  });
});
