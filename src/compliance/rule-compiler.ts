import type { CheckContext, CompileEnv, RuleCheck, RuleHit } from './check-types.js';
import { compileAdverseEvent } from './checks/adverse-event.js';
import { compileComparative } from './checks/comparative.js';
import { compileFairBalance } from './checks/fair-balance.js';
import { compileGrounding } from './checks/grounding.js';
import { compileLexicon } from './checks/lexicon.js';
import { compileMedicalAdvice } from './checks/medical-advice.js';
import { compileOffLabel } from './checks/off-label.js';
import { compilePattern } from './checks/pattern.js';
import { compilePii } from './checks/pii.js';
import { analyzeSentence, statedBy } from './grounding.js';
import { type Span, compileMatcher, findAll } from './matcher.js';
import type { Rule } from './rule-schema.js';
import { type Sentence, clauseRanges } from './segment.js';

/** A rule ready to run: its kind's check plus the context, exception and grounding filters. */
export interface CompiledRule {
  rule: Rule;
  packId: string;
  appliesTo(sentence: Sentence): boolean;
  run(sentence: Sentence, ctx: CheckContext): RuleHit[];
}

function kindCheck(rule: Rule, env: CompileEnv): RuleCheck {
  switch (rule.kind) {
    case 'lexicon':
      return compileLexicon(rule, env);
    case 'pattern':
      return compilePattern(rule, env);
    case 'comparative':
      return compileComparative(rule, env);
    case 'pii':
      return compilePii(rule, env);
    case 'off-label':
      return compileOffLabel(rule, env);
    case 'grounding':
      return compileGrounding(rule, env);
    case 'adverse-event':
      return compileAdverseEvent(rule, env);
    case 'medical-advice':
      return compileMedicalAdvice(rule, env);
    case 'fair-balance':
      return compileFairBalance(rule, env);
  }
}

export function compileRule(rule: Rule, packId: string, env: CompileEnv): CompiledRule {
  const check = kindCheck(rule, env);
  const exceptionTerms = [...(rule.exceptions ?? []), ...(rule.exceptionSets ?? []).flatMap((name) => env.sets[name] ?? [])];
  const exceptions = compileMatcher(exceptionTerms, rule.exceptionPatterns, env.names);
  const hasContext = 'context' in rule && (rule.context !== undefined || rule.contextPatterns !== undefined);
  const context = hasContext ? compileMatcher(rule.context, rule.contextPatterns, env.names) : null;
  const contextWindow = 'window' in rule && rule.window !== undefined ? rule.window : Number.POSITIVE_INFINITY;
  const scope = rule.exceptionScope;

  return {
    rule,
    packId,
    appliesTo: (s) => rule.lang === 'any' || (rule.lang === 'en' ? s.hasLatin : s.hasCjk),
    run(sentence, ctx) {
      let hits = check(sentence, ctx);
      if (hits.length === 0) return hits;
      const text = sentence.folded.text;
      if (context) {
        const found = findAll(context, text);
        hits = hits.filter((h) => found.some((c) => c.start - h.end <= contextWindow && h.start - c.end <= contextWindow));
      }
      if (exceptions && hits.length > 0) {
        const found = findAll(exceptions, text).filter((e) => !insideQuestionForm(text, e));
        if (found.length > 0) hits = hits.filter((h) => !neutralised(h, found, text, scope));
      }
      if (rule.allowIfGrounded && hits.length > 0 && ctx.support.length > 0) {
        const draft = analyzeSentence(text);
        hits = hits.filter((h) => !statedBy(draft, h.match, ctx.support));
      }
      return hits;
    },
  };
}

function neutralised(hit: RuleHit, exceptions: readonly Span[], text: string, scope: Rule['exceptionScope']): boolean {
  if (scope === 'sentence') return true;
  if (scope === 'overlap') return exceptions.some((e) => e.start < hit.end && e.end > hit.start);
  const clause = clauseRanges(text, scope === 'statement').find(([from, to]) => hit.start >= from && hit.start < to) ?? [0, text.length];
  return exceptions.some((e) => (e.start < hit.end && e.end > hit.start) || (e.start >= clause[0] && e.end <= clause[1]));
}

/** "能不能", "可不可以", "会不会" ask a question; the 不 in them refuses nothing. */
function insideQuestionForm(text: string, e: Span): boolean {
  const at = text.indexOf('不', e.start);
  if (at < 0 || at >= e.end) return false;
  const before = text[at - 1];
  return before !== undefined && before === text[at + 1];
}
