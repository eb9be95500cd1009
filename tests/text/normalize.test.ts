import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it('folds full-width letters, digits and punctuation to half-width and keeps case', () => {
    expect(normalizeText('ＨＵＭＩＲＡ　４０ｍｇ？')).toBe('HUMIRA 40mg?');
  });

  it('removes zero-width characters', () => {
    expect(normalizeText('Hu\u200bmi\u200cra\u200d\ufeff')).toBe('Humira');
  });

  it('collapses whitespace and trims', () => {
    expect(normalizeText('  take \t 40 mg\n\n every   other week  ')).toBe('take 40 mg every other week');
  });

  it('keeps line breaks when asked, collapsing blank runs', () => {
    expect(normalizeText('row 1  \n  row 2\n\n\n\nrow 3', { keepLines: true })).toBe('row 1\nrow 2\n\nrow 3');
  });

  it('reads the ordinal sign labels use after a number as a degree sign', () => {
    expect(normalizeText('36ºF to 46ºF (2ºC to 8ºC)')).toBe('36°F to 46°F (2°C to 8°C)');
    expect(normalizeText('2℃～8℃')).toBe('2°C~8°C');
  });

  it('leaves plain ASCII untouched apart from whitespace', () => {
    expect(normalizeText('Store at 25 C.')).toBe('Store at 25 C.');
  });
});
