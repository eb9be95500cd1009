import type { Language } from '../knowledge/types.js';
import type { GroundingSource } from './grounding.js';

export const CATEGORIES = [
  'efficacy-overstatement',
  'superlative',
  'risk-minimisation',
  'comparative',
  'off-label',
  'ungrounded-claim',
  'endorsement',
  'inducement',
  'rep-conduct',
  'pii',
  'adverse-event',
  'fair-balance',
  'individual-medical-advice',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['violation', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ACTIONS = ['block', 'remove', 'redact', 'append', 'route', 'none'] as const;
export type Action = (typeof ACTIONS)[number];

export const ROUTE_TARGETS = ['medical-information', 'pharmacovigilance', 'compliance'] as const;
export type RouteTarget = (typeof ROUTE_TARGETS)[number];

export type Verdict = 'pass' | 'fixed' | 'blocked' | 'routed';

/** One thing the filter found in a draft (DESIGN.md §4). Offsets are into the draft as given. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  action: Action;
  start?: number;
  end?: number;
  /** What is wrong and why, in the draft's language. */
  message: string;
  routeTo?: RouteTarget;
  /** The words that triggered the rule (omitted for PII, which is never echoed). */
  match?: string;
  /** The regulation or code the rule rests on. */
  regulation?: string;
}

export interface CheckResult {
  verdict: Verdict;
  /** What may be posted: empty when blocked or routed. */
  text: string;
  findings: Finding[];
  /** What was changed and why, in the draft's language, for the rep. */
  notes: string[];
  /** Where the draft went instead of being posted (only when routed). */
  route: RouteTarget | null;
  language: Language;
}

/** An approved passage a draft cites (or that grounding found). */
export interface GroundingPassage {
  id: string;
  text: string;
  approvalCode: string;
  /** Product slug, when known: grounding for a draft about one product uses its passages (and shared ones). */
  product?: string;
}

export interface Draft {
  text: string;
  language?: Language;
  /** Product slug, name or alias the draft is about (detected from the text when absent). */
  product?: string;
  /** The passages the draft cites. When absent, numbers and comparisons are grounded via `GroundingSource`. */
  sources?: GroundingPassage[];
  /** Where to find support for this draft when it cites nothing (overrides the filter's own source). */
  grounding?: GroundingSource;
}

/** Text in each language; rules and notes speak the rep's language. */
export interface Bilingual {
  en: string;
  zh: string;
}
