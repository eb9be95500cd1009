import type { CheckedReply } from '../compliance/checked-reply.js';
import type { Draft, GroundingPassage } from '../compliance/types.js';
import type { Language } from '../knowledge/types.js';

/** The kinds of text training shows a rep, each minted by the compliance filter. */
export type TrainingOutput = 'doctor-line' | 'quiz-question' | 'quiz-answer' | 'score-feedback' | 'written-feedback';

/** Who a training text is for and where it belongs: what the audit record keeps besides the draft. */
export interface TrainingOrigin {
  activity: 'quiz' | 'roleplay';
  /** Slack user id or the person at the terminal; null when nobody in particular (a generated quiz, a trainer's example). */
  user: string | null;
  channel: string | null;
  /** The quiz or role-play session; null outside one. */
  session: string | null;
  /** Facts for the record (persona, turn, question id…). */
  context?: Readonly<Record<string, string | number | null>>;
}

/** What training hands the compliance filter: the text, and the approved passages it draws on. */
export interface TrainingDraft extends Draft {
  output: TrainingOutput;
  language: Language;
  product: string;
  sources: GroundingPassage[];
  origin: TrainingOrigin;
}

/** What every training text carries besides its checked text. */
export interface TrainingBody {
  output: TrainingOutput;
  language: Language;
  product: string;
  /** The audit record of this text (null when the filter is not the audited one, as in unit tests). */
  auditId: number | null;
}

/**
 * The one door out of the training module: every text a rep sees goes through `approve`, which
 * returns the branded `CheckedReply` only the compliance module can create. The bare compliance
 * filter satisfies this interface; the services wrap it so that every approved text is also
 * written to the audit log (services/training-filter.ts).
 */
export interface TrainingFilter {
  approve<T extends TrainingBody>(draft: TrainingDraft, body: T): Promise<CheckedReply<T>>;
}
