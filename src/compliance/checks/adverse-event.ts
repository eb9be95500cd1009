import type { CompileEnv, RuleCheck } from '../check-types.js';
import { compileMatcher, findAll } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import { near, spanHit } from './span-hit.js';

/**
 * A particular person, something harmful that happened to them, and a medicine: "my patient
 * developed a rash after starting Lipitor", "有位患者吃了立普妥后出现肌肉疼痛". Label language
 * ("patients treated with … experienced") names no particular person.
 */
export function compileAdverseEvent(rule: RuleOf<'adverse-event'>, env: CompileEnv): RuleCheck {
  const subject = compileMatcher(undefined, rule.subjects, env.names);
  const event = compileMatcher(undefined, rule.events, env.names);
  const link = compileMatcher(undefined, [...rule.drugLinks, '{product}', '{competitor}'], env.names);
  const window = rule.window ?? Number.POSITIVE_INFINITY;
  return (sentence) => {
    const text = sentence.folded.text;
    const subjects = findAll(subject, text);
    if (subjects.length === 0) return [];
    const events = findAll(event, text);
    if (events.length === 0 || findAll(link, text).length === 0) return [];
    return near(events, subjects, window).map(([e]) => spanHit(e));
  };
}
