import { describe, expect, it } from 'vitest';
import { parseNumber, statedAges } from '../../src/answering/routing/age-range.js';

describe('ages in questions and labels', () => {
  it.each([
    ['kids under 10', [{ min: 0, max: 9.99 }]],
    ['pts under 18?', [{ min: 0, max: 17.99 }]],
    ['an 8-year-old', [{ min: 8, max: 8 }]],
    ['pediatric patients aged 10 to 17 years', [{ min: 10, max: 17 }]],
    ['4 years of age and older', [{ min: 4, max: 120 }]],
    ['children less than 4 years of age', [{ min: 0, max: 3.99 }]],
    ['10岁以下儿童', [{ min: 0, max: 9.99 }]],
    ['12-17岁青少年', [{ min: 12, max: 17 }]],
    ['八岁的孩子', [{ min: 8, max: 8 }]],
  ])('"%s"', (text, ages) => {
    expect(statedAges(text)).toEqual(ages);
  });

  it.each(['CrCl<30', 'kid under 30kg', 'within 4 weeks', 'over 40 mg', 'up to 14 days'])('"%s" states no age', (text) => {
    expect(statedAges(text)).toEqual([]);
  });

  it('reads Chinese numerals', () => {
    expect([parseNumber('十'), parseNumber('十二'), parseNumber('二十'), parseNumber('两'), parseNumber('17')]).toEqual([10, 12, 20, 2, 17]);
  });
});
