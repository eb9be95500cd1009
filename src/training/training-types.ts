import type { ObjectionCategory } from '../answering/reply.js';
import type { Language } from '../knowledge/types.js';
import type { QuizSource } from './quiz/quiz.js';
import type { ScoredAttempt } from './scoring/attempt.js';
import type { DoctorLine, QuizAnswerText, QuizQuestionText, ScoreFeedback } from './training-texts.js';

/** A generated quiz whose questions passed the compliance filter (each a `CheckedReply`). */
export interface CheckedQuiz {
  product: string;
  productName: string;
  language: Language;
  questions: QuizQuestionText[];
  /** Candidate questions the material offered. */
  available: number;
}

/** A quiz started in a channel (or the terminal). */
export interface QuizSession extends CheckedQuiz {
  sessionId: string;
}

export interface QuizAnswerOutcome {
  sessionId: string;
  questionId: string;
  /** The answer that counts (a user's first click). */
  choice: number;
  correct: boolean;
  /** True when the user had answered before: the first answer stands. */
  repeated: boolean;
  correctIndex: number;
  source: QuizSource;
  /** The revealed answer: the approved sentence that states it, through the compliance filter. */
  answer: QuizAnswerText;
}

export interface LeaderboardEntry {
  user: string;
  correct: number;
  answered: number;
  total: number;
  /** Percent of all the quiz's questions answered correctly. */
  score: number;
}

export interface QuizResults {
  sessionId: string;
  product: string;
  productName: string;
  language: Language;
  /** Each question's revealed answer, in quiz order, through the compliance filter. */
  answers: QuizAnswerText[];
  leaderboard: LeaderboardEntry[];
  attemptIds: number[];
}

/** A scored attempt and what the rep is shown about it. */
export interface CheckedScore {
  scored: ScoredAttempt;
  feedback: ScoreFeedback;
}

/** Where a role-play stands after a step: the doctor's line, and the score once it is over. */
export interface RoleplayStep {
  sessionId: string;
  key: string;
  user: string;
  product: string;
  productName: string;
  persona: { id: string; name: string };
  language: Language;
  category: ObjectionCategory;
  /** Rep turns so far. */
  turn: number;
  maxTurns: number;
  /** The doctor's line, minted by the compliance filter; null when there is none. */
  doctor: DoctorLine | null;
  done: boolean;
  result: (CheckedScore & { attemptId: number }) | null;
}

export interface TrainerSummary {
  attempts: number;
  roleplays: number;
  quizzes: number;
  /** Share of scored attempts that passed (0–100). */
  passRate: number;
  byRep: Array<{ user: string; attempts: number; average: number; fails: number }>;
  byProduct: Array<{ product: string; attempts: number; average: number }>;
  /** Rubric lines most often missed, and compliance categories most often hit. */
  commonMistakes: Array<{ mistake: string; count: number }>;
  recent: Array<{ id: number; user: string; kind: string; product: string; score: number; outcome: string; at: string }>;
}
