/**
 * Expected failures of training requests, returned as results (not thrown): the code is stable
 * (tests, Slack and the CLI branch on it), the message says what to do.
 */
export type TrainingProblemCode =
  | 'PRODUCT_UNKNOWN'
  | 'PRODUCT_NEEDED'
  | 'NO_MATERIAL'
  | 'PERSONA_UNKNOWN'
  | 'NO_OBJECTION_MATERIAL'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_EXPIRED'
  | 'SESSION_FINISHED'
  | 'SESSION_BUSY'
  | 'QUESTION_UNKNOWN'
  | 'ALREADY_ANSWERED'
  | 'ATTEMPT_UNKNOWN'
  | 'NOT_A_TRAINER'
  | 'INVALID_SCORE'
  | 'REASON_NEEDED'
  | 'NOT_PARTICIPANT';

export interface TrainingProblem {
  code: TrainingProblemCode;
  message: string;
}

export const problem = (code: TrainingProblemCode, message: string): TrainingProblem => ({ code, message });
