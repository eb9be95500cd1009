import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { spanHit } from './span-hit.js';

/** Fixed phrases: "no side effects", "药到病除". */
export function compileLexicon(rule: RuleOf<'lexicon'>, env: CompileEnv): RuleCheck {
  const re = compileMatcher(rule.terms, rule.patterns, env.names);
  return (sentence) => findAll(re, sentence.folded.text).map((s) => spanHit(s));
}
