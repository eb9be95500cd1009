import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { spanHit } from './span-hit.js';

/** Benefit claims, which need the product's safety summary beside them. */
export function compileFairBalance(rule: RuleOf<'fair-balance'>, env: CompileEnv): RuleCheck {
  const re = compileMatcher(undefined, rule.benefits, env.names);
  return (sentence) => findAll(re, sentence.folded.text).map((s) => spanHit(s));
}
