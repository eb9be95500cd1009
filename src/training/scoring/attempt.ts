import type { ObjectionCategory } from '../../answering/reply.js';
import type { Category } from '../../compliance/types.js';
import type { Language } from '../../knowledge/types.js';

export type AttemptOutcome = 'pass' | 'needs-work' | 'fail';

/** One rubric line as scored: 0, 0.5 or 1, with what was (not) found. */
export interface LineScore {
  id: string;
  label: string;
  weight: number;
  score: number;
  gate: boolean;
  /** What the scorer found, or what to do better, in the attempt's language. */
  note: string;
  /**
   * The note as the checked coaching shows it, when that differs: without the rep's own words (a
   * failing sentence, a wrong figure: shown apart, see repWordsText), and without counts and turn
   * numbers, which the compliance filter would take for unsupported product figures.
   */
  coaching?: string;
}

/** A sentence the compliance filter refuses, and why. */
export interface ViolationNote {
  /** 1-based rep turn. */
  turn: number;
  sentence: string;
  ruleId: string;
  category: Category;
  why: string;
}

/** A rep sentence grounded in an approved passage. */
export interface EvidenceMatch {
  turn: number;
  sentence: string;
  /** Share of the sentence's content words found in the approved sentence. */
  overlap: number;
  quote: string;
  chunkId: string;
  file: string;
  title: string;
  section: string | null;
  page: number | null;
  approvalCode: string;
}

export interface WrongFigure {
  turn: number;
  sentence: string;
  figure: string;
}

/** The approved objection handler the rep could have used (verbatim steps). */
export interface HandlerReference {
  file: string;
  title: string;
  section: string | null;
  approvalCode: string;
  acknowledge: string;
  clarify: string;
  respond: string;
  close: string;
}

export interface ScoredAttempt {
  rubricVersion: string;
  product: string;
  category: ObjectionCategory;
  language: Language;
  /** 0–100; 0 when a gate line (compliance) failed. */
  score: number;
  /** The weighted score before the gate, for trainers. */
  rawScore: number;
  outcome: AttemptOutcome;
  lines: LineScore[];
  violations: ViolationNote[];
  evidence: EvidenceMatch[];
  wrongFigures: WrongFigure[];
  handler: HandlerReference | null;
  /** Written feedback an LLM added (LLM mode only; never changes the score or outcome). */
  writtenFeedback?: string;
}
