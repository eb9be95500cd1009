import type { CheckContext, CompileEnv, RuleCheck, RuleHit } from '../check-types.js';
import { foldPlain } from '../fold.js';
import { maximumDose } from '../grounding.js';
import { compileMatcher, findAll, type Span } from '../matcher.js';
import { extractNumbers } from '../numbers.js';
import type { ProductProfile } from '../product-profile.js';
import type { RuleOf } from '../rule-schema.js';
import type { Sentence } from '../segment.js';
import { near, spanHit } from './span-hit.js';

interface Concept {
  id: string;
  re: RegExp | null;
  /** Null: always relevant; else only for products whose indications match it. */
  when: RegExp | null;
}

const CLAUSE_END = /[,;.!?，；。！？]/;
const OBJECT_CHARS = 80;
const DEFAULT_WINDOW = 40;

/**
 * Promotion outside the product card's indications (the basis the design names): a use for a
 * condition the indications do not cover, use in a population they do not cover, or a dose
 * above the largest one the cited label passages allow.
 */
export function compileOffLabel(rule: RuleOf<'off-label'>, env: CompileEnv): RuleCheck {
  const claim = compileMatcher(undefined, rule.claims, env.names);
  const concepts = (rule.mode === 'use' ? rule.conditions : rule.populations).map(
    (c): Concept => ({ id: c.id, re: compileMatcher(c.terms, undefined, env.names), when: compileMatcher(c.appliesWhen, undefined, env.names) }),
  );
  const covered = coverage(env.products, concepts);
  const window = rule.window ?? DEFAULT_WINDOW;

  if (rule.mode === 'dose') {
    const units = new Set(rule.units);
    return (sentence, ctx) => (findAll(claim, sentence.folded.text).length === 0 ? [] : doseHits(sentence, ctx, units));
  }
  return (sentence, ctx) => {
    const products = ctx.mentioned.length > 0 ? ctx.mentioned : ctx.product ? [ctx.product] : [];
    if (products.length === 0) return [];
    const text = sentence.folded.text;
    const claims = findAll(claim, text);
    if (claims.length === 0) return [];
    const allowed = new Set(products.flatMap((p) => [...(covered.get(p.slug) ?? [])]));
    const hits: RuleHit[] = [];
    for (const concept of concepts) {
      if (allowed.has(concept.id)) continue;
      const found = findAll(concept.re, text);
      const claimed =
        rule.mode === 'use' ? found.filter((f) => claims.some((c) => inObject(text, c, f))) : near(found, claims, window).map(([f]) => f);
      for (const f of claimed) hits.push(spanHit(f, concept.id));
    }
    return hits;
  };
}

/** The condition is what the claim is about: inside the claim or after it, in the same clause. */
function inObject(text: string, claim: Span, found: Span): boolean {
  if (found.start >= claim.start && found.end <= claim.end) return true;
  if (found.start < claim.end - 1) return false;
  const between = text.slice(claim.end, found.start);
  return between.length <= OBJECT_CHARS && !CLAUSE_END.test(between);
}

/**
 * Which concepts each product's indications name (in either language, by concept). A concept
 * named only as a population ("in adults with type 2 diabetes") counts as covered too: the
 * card cannot tell it from "in adults with rheumatoid arthritis", and a missed off-label claim
 * about it is still caught by grounding and review, while a blocked on-label one is not.
 */
function coverage(products: readonly ProductProfile[], concepts: readonly Concept[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of products) {
    const text = foldPlain(p.indications.join(' \n '));
    const covers = (c: Concept) => findAll(c.re, text).length > 0 || (c.when !== null && findAll(c.when, text).length === 0);
    out.set(p.slug, new Set(concepts.filter(covers).map((c) => c.id)));
  }
  return out;
}

function doseHits(sentence: Sentence, ctx: CheckContext, units: ReadonlySet<string>): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const n of extractNumbers(sentence.folded.text)) {
    if (n.unit === null || !units.has(n.unit)) continue;
    const max = maximumDose(ctx.support, n.unit);
    if (max !== null && n.value > max) {
      hits.push({ start: n.start, end: n.end, match: n.text, detail: `${n.value} ${n.unit} > ${max} ${n.unit}` });
    }
  }
  return hits;
}
