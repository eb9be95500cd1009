import type { CheckedReply } from '../compliance/checked-reply.js';
import type { CheckResult } from '../compliance/types.js';
import type { Language } from '../knowledge/types.js';

/** Where a question went instead of (or besides) an answer (DESIGN.md §3). */
export type ReplyRoute = 'medical-information' | 'pharmacovigilance' | 'not-found';

/** One approved source an answer quotes; `n` is the marker `[n]` in the answer text. */
export interface Citation {
  n: number;
  file: string;
  title: string;
  page: number | null;
  section: string | null;
  approvalCode: string;
  /** The source's approval expiry (YYYY-MM-DD), shown beside the approval code; null when it has none. */
  expiresOn: string | null;
  /** The approved sentences quoted from this source, verbatim. */
  quote: string;
}

/** `ask --json` (DESIGN.md §3). `answer` is what would be posted, after the compliance filter. */
export interface Reply {
  question: string;
  language: Language;
  answer: string;
  citations: Citation[];
  route: ReplyRoute | null;
  compliance: CheckResult;
}

export const OBJECTION_CATEGORIES = [
  'price',
  'competitor',
  'safety',
  'efficacy',
  'access',
  'no-time',
  'guideline',
  'other',
] as const;
export type ObjectionCategory = (typeof OBJECTION_CATEGORIES)[number];

/** The four parts of an objection-handling script, as posted (after the filter). */
export interface ObjectionScript {
  acknowledge: string;
  clarify: string;
  respond: string;
  close: string;
}

/** `objection --json`: a `Reply` plus the category and the script (null when routed or blocked). */
export interface ObjectionReply extends Reply {
  category: ObjectionCategory;
  script: ObjectionScript | null;
}

/** Fields pre-filled for an adverse-event report (the four minimum criteria, plus onset). */
export interface AdverseEventFields {
  patient: string | null;
  reporter: string;
  product: string | null;
  event: string[];
  onset: string | null;
}

/** Why a question was routed, for renderers and the audit record. */
export interface RoutingDetails {
  route: ReplyRoute;
  /** Machine-readable reason: "adverse-event", "off-label-use", "off-label-population", "off-label-dose", "individual-medical-advice", "no-approved-source", "no-head-to-head-claim". */
  reason: string;
  /** What triggered it, for the rep: "age 8 is outside the approved 10–17 years". */
  detail: string | null;
  /** The contact text from product.yaml (Medical Information or Pharmacovigilance). */
  contact: string | null;
  /** Adverse events only. */
  fields?: AdverseEventFields;
}

/**
 * What an answer carries besides its text, handed to the compliance filter as the payload of
 * the `CheckedReply`. The filter's verdict and text complete it into a `Reply` (`toReply`).
 */
export interface ReplyBody {
  kind: 'answer' | 'objection';
  question: string;
  language: Language;
  citations: Citation[];
  route: ReplyRoute | null;
  routing: RoutingDetails | null;
  /** The product the reply is about (slug), when one was identified. */
  product: string | null;
  /** Notes for the rep that are not part of the answer ("the language model timed out…"). */
  notes: string[];
  /** How the answer was produced. */
  mode: 'extractive' | 'llm' | 'routed';
  category?: ObjectionCategory;
  /** Objection scripts: the part labels used in the draft, so the script can be read back after filtering. */
  scriptLabels?: Record<keyof ObjectionScript, string>;
  /**
   * The compliance audit record of this reply (`AuditLog` id), set by the services before the
   * reply is minted; 👍/👎 feedback is stored against it. Null only for replies minted outside
   * the services (tests, renderer fixtures).
   */
  auditId: number | null;
}

/** A reply that passed the compliance filter: the only thing renderers take. */
export type AnswerReply = CheckedReply<ReplyBody>;
