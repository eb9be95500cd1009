import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { spanHit } from './span-hit.js';

/** Regular expressions over the folded sentence: "(?:排名|销量)第一", "\bcures?\b … disease". */
export function compilePattern(rule: RuleOf<'pattern'>, env: CompileEnv): RuleCheck {
  const re = compileMatcher(rule.terms, rule.patterns, env.names);
  return (sentence) => findAll(re, sentence.folded.text).map((s) => spanHit(s));
}
