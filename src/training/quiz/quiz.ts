import type { Citation } from '../../answering/reply.js';
import type { Language } from '../../knowledge/types.js';

/** Where a quiz answer comes from: the approved passage, with the sentence quoted verbatim. */
export interface QuizSource extends Omit<Citation, 'n'> {
  chunkId: string;
  /** The approved sentence that states the correct answer, verbatim. */
  quote: string;
}

/** `fact`: a figure blanked out of an approved sentence; `faq`: an approved FAQ question and its answer. */
export type QuizQuestionKind = 'fact' | 'faq';
export const QUIZ_TOPICS = ['dose', 'interaction', 'contraindication', 'safety', 'efficacy', 'storage', 'other'] as const;
export type QuizTopic = (typeof QUIZ_TOPICS)[number];

/** One multiple-choice question. `options[correct]` is quoted from `source.quote`. */
export interface QuizQuestion {
  id: string;
  product: string;
  language: Language;
  kind: QuizQuestionKind;
  topic: QuizTopic;
  prompt: string;
  options: string[];
  correct: number;
  source: QuizSource;
}

export interface Quiz {
  product: string;
  productName: string;
  language: Language;
  questions: QuizQuestion[];
  /** Candidate questions found before selection (for trainers: how much material there is). */
  available: number;
}

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
