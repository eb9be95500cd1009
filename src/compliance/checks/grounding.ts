import { memoized } from '../../core/memo.js';
import type { CompileEnv, RuleCheck } from '../check-types.js';
import { analyzeSentence, claimSupported, isComparative, unsupportedNumbers } from '../grounding.js';
import { compileMatcher } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';

/**
 * Numbers and comparisons must be stated by an approved passage (the draft's sources, or what
 * the grounding source finds). A flipped direction or negation is not support.
 */
export function compileGrounding(rule: RuleOf<'grounding'>, env: CompileEnv): RuleCheck {
  const exempt = compileMatcher(undefined, rule.exemptPatterns, env.names);
  // Drafts are mostly approved sentences quoted again: each sentence is analysed once (read-only after).
  const analyze = memoized((folded: string) => analyzeSentence(folded, exempt, env.nameTokens), 20_000);
  if (rule.mode === 'numbers') {
    return (sentence, ctx) =>
      unsupportedNumbers(analyze(sentence.folded.text), ctx.support).map((n) => ({
        start: n.start,
        end: n.end,
        match: n.text,
      }));
  }
  return (sentence, ctx) => {
    const text = sentence.folded.text;
    if (!isComparative(text)) return [];
    if (claimSupported(analyze(text), ctx.support)) return [];
    return [{ start: 0, end: text.length, match: text }];
  };
}
