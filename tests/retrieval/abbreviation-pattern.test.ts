// The abbreviation expression groups keys that need the same word boundaries; it must replace
// exactly what one lookaround per key (as first written) replaced.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOSSARY_PATH, loadGlossary } from '../../src/retrieval/glossary.js';
import { pattern } from '../../src/retrieval/abbreviations.js';
import { loadAnswerSet } from '../helpers/answer-eval.js';
import { loadQuestionSet } from '../helpers/retrieval-eval.js';

function referencePattern(keys: string[]): RegExp | null {
  if (keys.length === 0) return null;
  const alternatives = [...keys]
    .sort((a, b) => b.length - a.length)
    .map((key) => {
      const body = key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const before = /^[\p{L}\p{N}]/u.test(key) ? '(?<![\\p{L}\\p{N}])' : '';
      const after = /[\p{L}\p{N}]$/u.test(key) ? '(?![\\p{L}\\p{N}])' : '';
      return `${before}${body}${after}`;
    });
  return new RegExp(alternatives.join('|'), 'giu');
}

const matches = (re: RegExp | null, text: string) => (re ? [...text.matchAll(re)].map((m) => [m.index, m[0]]) : []);

describe('abbreviation expression', () => {
  it('matches what one lookaround per key matched, on the glossary and odd keys', () => {
    const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH]);
    expect(glossary.ok).toBe(true);
    if (!glossary.ok) return;
    const keys = [...new Set([...glossary.value.abbreviations.keys()].map((k) => k.toLowerCase()))];
    const odd = ['a.e.', '.x', 'x.', 'ae', 'aes', 'b/d', '5-fu', 'q4h', '-q', 'é', 'ß'];
    const texts = [
      ...loadAnswerSet().map((i) => i.question),
      ...loadQuestionSet().questions.map((q) => q.question),
      ...keys.flatMap((k) => [k, `${k}s`, `x${k}`, `${k}1`, ` ${k.toUpperCase()} `, `佐维斯${k}剂量`, `(${k})`, `${k}.${k}`]),
      'A.E. .x x. AEs ae aesx b/d 5-FU q4h -q é ß SS ſ K',
    ];
    for (const set of [keys, [...keys, ...odd], odd]) {
      const fast = pattern(set);
      const reference = referencePattern(set);
      for (const text of texts) expect(matches(fast, text), text).toEqual(matches(reference, text));
    }
  });
});
