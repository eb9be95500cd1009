import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { near, spanHit, union } from './span-hit.js';

const DEFAULT_WINDOW = 40;

/**
 * A comparison word near something compared: a competitor named on a product card or a class
 * ("other statins", "同类药物"). `superiority` words are "better than", "优于"; `disparagement`
 * words are negative ("dangerous", "副作用大").
 */
export function compileComparative(rule: RuleOf<'comparative'>, env: CompileEnv): RuleCheck {
  const marker = compileMatcher(rule.terms, rule.patterns, env.names);
  const target = compileMatcher([...rule.targets, ...env.names.competitors], undefined, env.names);
  const window = rule.window ?? DEFAULT_WINDOW;
  return (sentence) => {
    const text = sentence.folded.text;
    const targets = findAll(target, text);
    if (targets.length === 0) return [];
    return near(findAll(marker, text), targets, window).map(([m, t]) => spanHit(union(m, t, text), t.text));
  };
}
