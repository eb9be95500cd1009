// The term-set matcher (a trie walked per position, plus the lists' regular expressions) must
// find exactly what the single regular expression it replaced found. This test keeps that
// regular expression as the reference and compares both on every word list repbot ships, over
// the evaluation questions, their sentence windows and generated text.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_DIR } from '../../src/answering/routing/routing-lexicon.js';
import { messageSentences, sentenceWindows } from '../../src/answering/routing/message-sentences.js';
import { type TermSetSource, compileTermSet, termSetSchema } from '../../src/answering/routing/term-set.js';
import { DEFAULT_OBJECTION_LEXICON } from '../../src/answering/objection/objection-lexicon.js';
import { foldText } from '../../src/text/tokenize.js';
import { referenceTermSet } from '../helpers/regex-term-set.js';
import { loadAnswerSet } from '../helpers/answer-eval.js';
import { loadQuestionSet } from '../helpers/retrieval-eval.js';

/** Every term set in a parsed word-list file (objects with en/zh/patterns, at any depth). */
function termSets(node: unknown, where: string, out: Array<[string, TermSetSource]>): Array<[string, TermSetSource]> {
  if (Array.isArray(node)) node.forEach((v, i) => termSets(v, `${where}.${i}`, out));
  else if (node && typeof node === 'object') {
    const keys = Object.keys(node);
    if (keys.length > 0 && keys.every((k) => k === 'en' || k === 'zh' || k === 'patterns') && !keys.every((k) => typeof (node as Record<string, unknown>)[k] === 'string')) {
      out.push([where, termSetSchema.parse(node)]);
    } else for (const [k, v] of Object.entries(node)) termSets(v, `${where}.${k}`, out);
  }
  return out;
}

const files = [...fs.readdirSync(DEFAULT_ROUTING_DIR).map((f) => path.join(DEFAULT_ROUTING_DIR, f)), DEFAULT_OBJECTION_LEXICON];
const sets = files.flatMap((file) => termSets(YAML.parse(fs.readFileSync(file, 'utf8')), path.basename(file), []));

// A small deterministic generator (mulberry32).
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function texts(): string[] {
  const questions = [...loadAnswerSet().flatMap((i) => [i.question, ...(i.thread ?? [])]), ...loadQuestionSet().questions.map((q) => q.question), ...loadQuestionSet().unrelated];
  const out = questions.flatMap((q) => [foldText(q), q, ...sentenceWindows(messageSentences(q))]);
  // Generated: pieces of terms glued to letters, digits, plurals, spaces, punctuation, CJK and astral characters.
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const terms = sets.flatMap(([, s]) => [...s.en, ...s.zh]).map((t) => foldText(t).replace(/\*$/, ''));
  const glue = [' ', '  ', '\t', '\n', '', 's', 'es', 'e', 'ed', 'ing', '1', '2 ', '.', ', ', '?', "'", '-', '的', '了', '吗', '。', 'é', 'ß', '😀', '𝒜', '\u00a0', '\u3000', 'x', 'A'];
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const parts = 1 + Math.floor(rnd() * 6);
    for (let p = 0; p < parts; p++) {
      const term = pick(terms);
      const cut = rnd() < 0.2 ? term.slice(0, Math.max(1, Math.floor(rnd() * term.length))) : term;
      text += pick(glue) + (rnd() < 0.2 ? cut.replace(/ /g, pick([' ', '   ', '\n', '\u00a0'])) : cut) + pick(glue);
    }
    out.push(text);
  }
  return out;
}

describe('term sets find what the single regular expression found', () => {
  const corpus = texts();

  it.each(sets.map(([name, source]) => ({ name, source })))('$name', ({ source }) => {
    const fast = compileTermSet(source);
    const reference = referenceTermSet(source);
    for (const text of corpus) {
      expect(fast.find(text), text).toEqual(reference.find(text));
      expect(fast.test(text), text).toBe(reference.test(text));
    }
  });

  it('edge cases: empty and odd terms, patterns that can match nothing, surrogate pairs', () => {
    const sources: TermSetSource[] = [
      { en: ['a b', 'ab*', 'x1', 'c.d', "o'"], zh: ['药 品', '😀x'], patterns: ['\\d+', 'z*', '(?<=q)r'] },
      { en: ['*', 'rash'], zh: [], patterns: ['ra'] },
      { en: [' lead', 'trail ', 'rash'], zh: ['皮疹'], patterns: [] },
      { en: [], zh: [], patterns: ['(?:)', 'b'] },
      { en: ['𝒜bc', 'é'], zh: [], patterns: ['.'] },
    ];
    const samples = ['', 'a b ab abc abé x1 x12 c.d o\'s q r qr 药 品 😀x 😀xy', 'rashes crash ra rash', ' lead trail  rash皮疹', 'abc', '𝒜bc é 𝒜𝒜bc', 'ééé', 'z zz aab'];
    for (const source of sources) {
      const fast = compileTermSet(source);
      const reference = referenceTermSet(source);
      for (const text of [...samples, ...corpus.slice(0, 300)]) {
        expect(fast.find(text), text).toEqual(reference.find(text));
        expect(fast.test(text), text).toBe(reference.test(text));
      }
    }
  });
});
