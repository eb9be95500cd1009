import { messageSentences } from './message-sentences.js';
import type { MedicalAdviceLexicon } from './routing-lexicon.js';

export interface MedicalAdviceSignal {
  /** "my patient", 这个病人. */
  subject: string;
  /** "should", 要不要. */
  decision: string;
}

/**
 * A treatment decision about a particular person ("should my patient stop Calmira before
 * surgery?", "我的病人要不要停药"): a particular subject and a decision word in one sentence. Pure.
 */
export function detectMedicalAdvice(message: string, lexicon: MedicalAdviceLexicon): MedicalAdviceSignal | null {
  for (const sentence of messageSentences(message)) {
    const subject = lexicon.subjects.find(sentence)[0];
    if (!subject) continue;
    const decision = lexicon.decisions.find(sentence).find((d) => !(d.start >= subject.start && d.end <= subject.end));
    if (decision) return { subject: subject.text, decision: decision.text };
  }
  return null;
}
