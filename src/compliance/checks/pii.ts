import type { CompileEnv, RuleCheck, RuleHit } from '../check-types.js';
import { foldPlain } from '../fold.js';
import { compileMatcher, findAll, type Span } from '../matcher.js';
import type { RuleOf } from '../rule-schema.js';
import type { Sentence } from '../segment.js';

/**
 * Patient identifiers, replaced by a placeholder. The Medical Information and pharmacovigilance
 * contacts of the product cards are the company's own published addresses and numbers, not a
 * patient's, so they are left as they are.
 */
export function compilePii(rule: RuleOf<'pii'>, env: CompileEnv): RuleCheck {
  const contacts = foldPlain(env.products.flatMap((p) => [p.medicalInformation ?? '', p.pharmacovigilance ?? '']).join('\n'));
  const official = (s: Span) => s.text.trim().length >= 5 && contacts.includes(s.text.trim());
  const checkValid = rule.validator === 'cn-resident-id' ? isResidentId : () => true;
  const valid = (text: string) => checkValid(text);
  const hit = (s: Span): RuleHit => ({ start: s.start, end: s.end, match: s.text, replacement: rule.redactAs });
  if (rule.caseSensitive) {
    const re = new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|'), 'gu');
    return (sentence) =>
      findAll(re, sentence.text)
        .filter((s) => valid(s.text))
        .map((s) => toFolded(sentence, s))
        .filter((s) => !official(s))
        .map(hit);
  }
  const re = compileMatcher(rule.terms, rule.patterns, env.names);
  return (sentence) =>
    findAll(re, sentence.folded.text)
      .filter((s) => valid(s.text) && !official(s))
      .map(hit);
}

/** A span of the sentence as written, in folded coordinates. */
function toFolded(sentence: Sentence, span: Span): Span {
  const { start, end, text } = sentence.folded;
  const from = sentence.start + span.start;
  const to = sentence.start + span.end;
  let a = 0;
  while (a < start.length && (end[a] as number) <= from) a++;
  let b = a;
  while (b < start.length && (start[b] as number) < to) b++;
  return { start: a, end: b, text: text.slice(a, b) };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10x98765432';

/** GB 11643 check digit of an 18-digit resident identity number (a bare 18-digit number is not one). */
export function isResidentId(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{17}[\dx]$/i.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(digits[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] === (digits[17] as string).toLowerCase();
}
