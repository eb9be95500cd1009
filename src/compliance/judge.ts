import { z } from 'zod';
import type { Language } from '../knowledge/types.js';
import { CATEGORIES, type Category } from './types.js';

/** One claim the rules were unsure about, put to the judge. */
export interface JudgeRequest {
  /** The sentence in question, as written. */
  claim: string;
  /** The whole draft, for context. */
  draft: string;
  language: Language;
  ruleId: string;
  category: Category;
  /** Why the rule flagged it (the rule's message). */
  reason: string;
}

export const judgeVerdictSchema = z.strictObject({
  violative: z.boolean(),
  category: z.enum(CATEGORIES).nullable().default(null),
  rationale: z.string().min(1),
});
export type JudgeVerdict = z.infer<typeof judgeVerdictSchema>;

/**
 * Decides claims the rules mark uncertain. The filter gives it a deadline (the signal aborts);
 * a throw, a timeout or an answer that does not fit `judgeVerdictSchema` holds the draft.
 */
export interface ComplianceJudge {
  judge(request: JudgeRequest, signal: AbortSignal): Promise<unknown>;
}
