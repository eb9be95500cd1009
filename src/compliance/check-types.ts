import type { AnalyzedPassage } from './grounding.js';
import type { NameLists } from './matcher.js';
import type { ProductProfile } from './product-profile.js';
import type { Sentence } from './segment.js';
import type { Bilingual } from './types.js';

/** What a check found, in the sentence's folded coordinates. */
export interface RuleHit {
  start: number;
  end: number;
  /** The folded words that triggered the rule. */
  match: string;
  /** Extra facts for the note: "pediatric", "160 mg > 80 mg". */
  detail?: string;
  /** PII: what the span is replaced with. */
  replacement?: Bilingual;
}

/** Everything a check may look at besides the sentence. Built per sentence, never mutated. */
export interface CheckContext {
  /** The draft's product (given, or the only one it names), else null. */
  product: ProductProfile | null;
  /** Products this sentence names. */
  mentioned: readonly ProductProfile[];
  /** Approved passages for this sentence: the draft's sources, or what grounding found. */
  support: readonly AnalyzedPassage[];
}

/** Fixed at filter creation: names for placeholders and the product list. */
export interface CompileEnv {
  names: NameLists;
  /** Tokens of product and competitor names: they say which drug, not what a figure is about. */
  nameTokens: ReadonlySet<string>;
  products: readonly ProductProfile[];
  sets: Readonly<Record<string, readonly string[]>>;
}

/** A rule kind's check, compiled for one rule: pure, synchronous. */
export type RuleCheck = (sentence: Sentence, ctx: CheckContext) => RuleHit[];
