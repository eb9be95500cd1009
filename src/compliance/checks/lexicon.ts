import { memoized } from '../../core/memo.js';
import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { spanHit } from './span-hit.js';

/** Fixed phrases: "no side effects", "药到病除". */
export function compileLexicon(rule: RuleOf<'lexicon'>, env: CompileEnv): RuleCheck {
  const re = compileMatcher(rule.terms, rule.patterns, env.names);
  // A function of the sentence's words alone, and replies repeat approved sentences: found once per sentence (the hits are shared, never changed).
  const hits = memoized((folded: string) => findAll(re, folded).map((s) => spanHit(s)), 20_000);
  return (sentence) => hits(sentence.folded.text);
}
