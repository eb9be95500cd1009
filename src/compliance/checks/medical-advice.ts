import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { near, spanHit, union } from './span-hit.js';

/** A treatment decision about a particular patient: "should my patient stop…", "我这个病人能不能停药". */
export function compileMedicalAdvice(rule: RuleOf<'medical-advice'>, env: CompileEnv): RuleCheck {
  const subject = compileMatcher(undefined, rule.subjects, env.names);
  const question = compileMatcher(undefined, rule.questions, env.names);
  const window = rule.window ?? Number.POSITIVE_INFINITY;
  return (sentence) => {
    const text = sentence.folded.text;
    const subjects = findAll(subject, text);
    if (subjects.length === 0) return [];
    return near(findAll(question, text), subjects, window).map(([q, s]) => spanHit(union(q, s, text)));
  };
}
