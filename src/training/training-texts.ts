import type { CheckedReply } from '../compliance/checked-reply.js';
import type { GroundingPassage } from '../compliance/types.js';
import { postable } from './draft-checker.js';
import { coachingText } from './feedback-text.js';
import { normalizeForMatch, unitFigures } from './quiz/fact-questions.js';
import { OPTION_LETTERS, type QuizQuestion, type QuizSource } from './quiz/quiz.js';
import type { ScoredAttempt } from './scoring/attempt.js';
import type { TrainingBody, TrainingFilter, TrainingOrigin } from './training-filter.js';

// Every text training shows a rep is minted here, through the one `filter.approve` call below:
// the filter the services hand training is the audited one, so each text is also on record.

/** A doctor's line in a role-play. */
export interface DoctorLineBody extends TrainingBody {
  output: 'doctor-line';
  /** The persona's display name (UI: who is speaking). */
  speaker: string;
}

/** A quiz question: its stem and lettered options are the checked text; the payload has what the buttons need. */
export interface QuizQuestionBody extends TrainingBody {
  output: 'quiz-question';
  question: QuizQuestion;
}

/** A revealed answer: the approved sentence that states it is the checked text. */
export interface QuizAnswerBody extends TrainingBody {
  output: 'quiz-answer';
  questionId: string;
  correctIndex: number;
  /** Where the sentence comes from (title, section, page, approval code: shown beside it). */
  source: QuizSource;
}

/** Where quoted approved material in the coaching comes from, shown beside it. */
export interface FeedbackSource {
  title: string;
  section: string | null;
  page: number | null;
  approvalCode: string;
}

/** The coaching at the end of a scored attempt: rubric notes, the approved evidence used, the approved handler. */
export interface ScoreFeedbackBody extends TrainingBody {
  output: 'score-feedback';
  sources: FeedbackSource[];
}

/** An LLM's written coaching note (LLM mode). */
export interface WrittenFeedbackBody extends TrainingBody {
  output: 'written-feedback';
}

export type DoctorLine = CheckedReply<DoctorLineBody>;
export type QuizQuestionText = CheckedReply<QuizQuestionBody>;
export type QuizAnswerText = CheckedReply<QuizAnswerBody>;
export type CoachingText = CheckedReply<ScoreFeedbackBody>;
export type WrittenFeedback = CheckedReply<WrittenFeedbackBody>;

/** What a scored attempt shows the rep besides the score: the checked coaching, and the LLM note when there is one. */
export interface ScoreFeedback {
  coaching: CoachingText;
  written: WrittenFeedback | null;
}

function approve<T extends TrainingBody>(filter: TrainingFilter, text: string, sources: GroundingPassage[], origin: TrainingOrigin, body: T): Promise<CheckedReply<T>> {
  return filter.approve({ output: body.output, text, language: body.language, product: body.product, sources, origin }, body);
}

export function approveDoctorLine(filter: TrainingFilter, text: string, sources: GroundingPassage[], origin: TrainingOrigin, body: Omit<DoctorLineBody, 'output' | 'auditId'>): Promise<DoctorLine> {
  return approve(filter, text, sources, origin, { ...body, output: 'doctor-line', auditId: null });
}

/** The question as the rep reads it: the stem, then one lettered line per option. */
export function quizQuestionText(q: QuizQuestion): string {
  return [q.prompt, ...q.options.map((o, i) => `${OPTION_LETTERS[i] ?? i + 1}) ${o}`)].join('\n');
}

/** A product's approved passages, with what matching a question's options against them needs. */
export interface QuizMaterial {
  passages: ReadonlyArray<{ passage: GroundingPassage; folded: string; figures: ReadonlySet<string> }>;
}


export function quizMaterial(passages: readonly GroundingPassage[]): QuizMaterial {
  return { passages: passages.map((passage) => ({ passage, folded: normalizeForMatch(passage.text), figures: unitFigures(passage.text) })) };
}

/**
 * The approved passages a question draws on: the one its stem and answer quote, and those that
 * state its other options (the answer sentence, or the figure in either language).
 */
export function questionPassages(q: QuizQuestion, material: QuizMaterial): GroundingPassage[] {
  const options = q.options.map((o) => ({ folded: normalizeForMatch(o), figures: [...unitFigures(o)] }));
  return material.passages
    .filter((m) => m.passage.id === q.source.chunkId || options.some((o) => m.folded.includes(o.folded) || (o.figures.length > 0 && o.figures.every((f) => m.figures.has(f)))))
    .map((m) => m.passage);
}

/**
 * A question through the filter, grounded in `sources` (see `questionPassages`). Null when the filter changed
 * anything but appending (a removed option or redacted figure would break the question): such a
 * question is not asked (its audit record stays, as for any draft the filter saw).
 */
export async function approveQuizQuestion(filter: TrainingFilter, q: QuizQuestion, sources: GroundingPassage[], origin: TrainingOrigin): Promise<QuizQuestionText | null> {
  const text = quizQuestionText(q);
  const checked = await approve(filter, text, sources, { ...origin, context: { ...origin.context, question: q.id } }, { output: 'quiz-question', language: q.language, product: q.product, question: q, auditId: null });
  return postable(checked.compliance) && checked.text.startsWith(text) ? checked : null;
}

/** A question's answer sentence as the passage it is grounded in: itself (a verbatim quote). */
export function quotePassage(q: QuizQuestion): GroundingPassage {
  return { id: q.source.chunkId, text: q.source.quote, approvalCode: q.source.approvalCode, product: q.product };
}

/** The revealed answer: the approved sentence that states it, grounded in itself (a verbatim quote). */
export function approveQuizAnswer(filter: TrainingFilter, q: QuizQuestion, origin: TrainingOrigin): Promise<QuizAnswerText> {
  const s = q.source;
  return approve(filter, s.quote, [quotePassage(q)], { ...origin, context: { ...origin.context, question: q.id } }, {
    output: 'quiz-answer',
    language: q.language,
    product: q.product,
    questionId: q.id,
    correctIndex: q.correct,
    source: s,
    auditId: null,
  });
}

/** The approved passages a scored attempt's coaching quotes: the evidence the rep used and the handler. */
export function feedbackPassages(scored: ScoredAttempt): { passages: GroundingPassage[]; sources: FeedbackSource[] } {
  const passages: GroundingPassage[] = [];
  const sources: FeedbackSource[] = [];
  const add = (id: string, text: string, source: FeedbackSource) => {
    passages.push({ id, text, approvalCode: source.approvalCode, product: scored.product });
    if (!sources.some((s) => s.title === source.title && s.section === source.section && s.approvalCode === source.approvalCode)) sources.push(source);
  };
  for (const e of scored.evidence) add(e.chunkId, e.quote, { title: e.title, section: e.section, page: e.page, approvalCode: e.approvalCode });
  const h = scored.handler;
  if (h) add(`${h.file}#${h.section ?? ''}`, [h.acknowledge, h.clarify, h.respond, h.close].join('\n'), { title: h.title, section: h.section, page: null, approvalCode: h.approvalCode });
  return { passages, sources };
}

/** The coaching of a scored attempt (see `coachingText`: the rep's own sentences are not part of it). */
export function approveCoaching(filter: TrainingFilter, scored: ScoredAttempt, origin: TrainingOrigin): Promise<CoachingText> {
  const { passages, sources } = feedbackPassages(scored);
  return approve(filter, coachingText(scored), passages, origin, { output: 'score-feedback', language: scored.language, product: scored.product, sources, auditId: null });
}

/** An LLM's note, grounded in the same approved passages as the coaching (anything else it states comes out). */
export function approveWrittenFeedback(filter: TrainingFilter, note: string, scored: ScoredAttempt, origin: TrainingOrigin): Promise<WrittenFeedback> {
  return approve(filter, note, feedbackPassages(scored).passages, origin, { output: 'written-feedback', language: scored.language, product: scored.product, auditId: null });
}
