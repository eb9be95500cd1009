import { z } from 'zod';
import { ACTIONS, CATEGORIES, ROUTE_TARGETS, SEVERITIES } from './types.js';

// Rule packs are written by compliance people: every key is checked (strict objects), so a
// typo ("exeptions") is an error naming the file and rule, not a rule that silently never fires.

const phrases = z.array(z.string().min(1)).min(1);
const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

const common = {
  id: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$/, 'rule ids look like CN-SUP-001'),
  category: z.enum(CATEGORIES),
  lang: z.enum(['en', 'zh', 'any']),
  severity: z.enum(SEVERITIES),
  action: z.enum(ACTIONS),
  routeTo: z.enum(ROUTE_TARGETS).optional(),
  message: bilingual,
  /** The law, regulation or code the rule rests on. */
  regulation: z.string().min(3),
  description: z.string().optional(),
  /** Phrases that neutralise a hit ("most common adverse reactions", "尚未确立"). */
  exceptions: z.array(z.string().min(1)).optional(),
  exceptionPatterns: z.array(z.string().min(1)).optional(),
  /** Names of shared phrase lists (a pack's `sets`). */
  exceptionSets: z.array(z.string().min(1)).optional(),
  /**
   * Where an exception must be to neutralise a hit: on it, in its clause (between commas), in
   * its statement (up to a turn such as "but" or ";"), or anywhere in the sentence.
   */
  exceptionScope: z.enum(['overlap', 'clause', 'statement', 'sentence']).default('clause'),
  /** Hits are not sure: the LLM judge decides (a warning without one). */
  uncertain: z.boolean().default(false),
  /** The hit stands only when no approved passage says the same sentence. */
  allowIfGrounded: z.boolean().default(false),
  examples: z.strictObject({ violating: phrases, compliant: phrases }),
};

const trigger = {
  terms: z.array(z.string().min(1)).optional(),
  patterns: z.array(z.string().min(1)).optional(),
  /** At least one must occur near the hit (within `window` characters, else in the sentence). */
  context: z.array(z.string().min(1)).optional(),
  contextPatterns: z.array(z.string().min(1)).optional(),
  window: z.number().int().positive().optional(),
};

const concept = z.strictObject({
  id: z.string().min(1),
  terms: phrases,
  /** The concept can only be off-label for a product whose indications name one of these ("men" makes "women" matter). */
  appliesWhen: z.array(z.string().min(1)).optional(),
});

export const lexiconRuleSchema = z.strictObject({ ...common, kind: z.literal('lexicon'), ...trigger, terms: phrases });
export const patternRuleSchema = z.strictObject({ ...common, kind: z.literal('pattern'), ...trigger, patterns: phrases });

export const comparativeRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('comparative'),
  /** superiority: "better than X"; disparagement: a competitor near a negative word. */
  mode: z.enum(['superiority', 'disparagement']),
  ...trigger,
  /** Who is compared: competitor names from the product cards are always included. */
  targets: z.array(z.string().min(1)).default([]),
});

export const piiRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('pii'),
  ...trigger,
  patterns: phrases,
  validator: z.enum(['cn-resident-id', 'none']).default('none'),
  /** Match the sentence as written, not folded: English names are told apart by their capitals. */
  caseSensitive: z.boolean().default(false),
  /** Placeholder the identifier is replaced with. */
  redactAs: bilingual,
});

export const offLabelRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('off-label'),
  /** use: "treats X" for an X outside the indications; population: use in a group the label does not cover; dose: above the label's maximum. */
  mode: z.enum(['use', 'population', 'dose']),
  /** Claim words: "treats", "用于" (use); "safe for", "可以用" (population); "take", "每日" (dose). */
  claims: phrases,
  conditions: z.array(concept).default([]),
  populations: z.array(concept).default([]),
  units: z.array(z.string().min(1)).default([]),
  window: z.number().int().positive().optional(),
});

export const groundingRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('grounding'),
  mode: z.enum(['numbers', 'comparatives']),
  /** Numbers that are not claims: section references, dates, "type 2", approval codes. */
  exemptPatterns: z.array(z.string().min(1)).default([]),
});

export const adverseEventRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('adverse-event'),
  /** A particular person: "my patient", "有位患者". */
  subjects: phrases,
  /** Something that happened to them: "developed a rash", "出现了皮疹". */
  events: phrases,
  /** A link to a medicine: "after taking", "since starting", "吃了…后". Product names always count. */
  drugLinks: phrases,
  window: z.number().int().positive().optional(),
});

export const medicalAdviceRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('medical-advice'),
  /** A particular patient: "my patient", "我这个病人". */
  subjects: phrases,
  /** A treatment decision asked about: "should … stop", "能不能停药". */
  questions: phrases,
  window: z.number().int().positive().optional(),
});

export const fairBalanceRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('fair-balance'),
  /** Benefit claims: "reduces the risk", "降低…风险". */
  benefits: phrases,
});

export const ruleSchema = z.discriminatedUnion('kind', [
  lexiconRuleSchema,
  patternRuleSchema,
  comparativeRuleSchema,
  piiRuleSchema,
  offLabelRuleSchema,
  groundingRuleSchema,
  adverseEventRuleSchema,
  medicalAdviceRuleSchema,
  fairBalanceRuleSchema,
]);

export const rulePackSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  market: z.string().min(1),
  description: z.string().optional(),
  /** Named phrase lists that rules share through `exceptionSets`. */
  sets: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Sentences that carry no content of their own ("Please see the full Prescribing Information"). */
  boilerplate: z.array(z.string().min(1)).default([]),
  rules: z.array(ruleSchema).min(1),
});

export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;
export type RulePack = z.infer<typeof rulePackSchema>;
