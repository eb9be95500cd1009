import { randomUUID } from 'node:crypto';
import type { ObjectionLexicon } from '../answering/objection/objection-lexicon.js';
import { classifyObjection } from '../answering/objection/objection-classifier.js';
import type { ObjectionCategory } from '../answering/reply.js';
import { passageOf } from '../compliance/grounding.js';
import type { GroundingPassage } from '../compliance/types.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { Clock } from '../core/clock.js';
import { type Result, fail, ok } from '../core/result.js';
import type { Language } from '../knowledge/types.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import { approvedChunks, resolveProduct } from './approved-material.js';
import { type DraftChecker, postable } from './draft-checker.js';
import { type Persona, findPersona } from './persona.js';
import type { QuizGenerator } from './quiz/quiz-generator.js';
import type { Quiz, QuizQuestion } from './quiz/quiz.js';
import { seededRandom } from './quiz/seeded-random.js';
import type { DoctorPlayer } from './roleplay/doctor.js';
import { handlerFor, handlerSections } from './roleplay/handler-catalog.js';
import type { HandlerSection } from './roleplay/handler-sections.js';
import type { ScoredAttempt } from './scoring/attempt.js';
import { type FeedbackWriter, type WrittenAttempt, addWrittenFeedback } from './scoring/feedback-writer.js';
import type { AttemptScorer } from './scoring/rubric-scorer.js';
import type { AttemptQuery, AttemptRecord, ScoreOverride, TrainingStore } from './store/training-store.js';
import { summarize } from './trainer-summary.js';
import { type TrainingProblem, problem } from './training-problem.js';
import type { TrainingFilter, TrainingOrigin } from './training-filter.js';
import {
  type DoctorLine,
  type QuizMaterial,
  type QuizQuestionText,
  approveCoaching,
  approveDoctorLine,
  approveQuizAnswer,
  approveQuizQuestion,
  questionPassages,
  quizMaterial,
  quotePassage,
} from './training-texts.js';
import type { CheckedQuiz, CheckedScore, LeaderboardEntry, QuizAnswerOutcome, QuizResults, QuizSession, RoleplayStep, TrainerSummary } from './training-types.js';
import { resultsCsv } from './results-csv.js';

export interface TrainingDeps {
  /** The ready knowledge snapshot. */
  knowledge(): Promise<KnowledgeBase>;
  /** The compliance check for a snapshot: what rep turns and quiz candidates are held against. */
  checkerFor(kb: KnowledgeBase): DraftChecker;
  /**
   * The compliance filter that mints every text a rep is shown (the doctor's lines, quiz
   * questions and answers, coaching): the audited one in the app (services/training-filter.ts).
   */
  filterFor(kb: KnowledgeBase): TrainingFilter;
  /** The store, opened on first use. */
  store(): TrainingStore;
  clock: Clock;
  /** Hours of inactivity after which a session expires. */
  sessionHours: number;
  personas: readonly Persona[];
  lexicon: ObjectionLexicon;
  quizzes: QuizGenerator;
  scorer: AttemptScorer;
  doctor: DoctorPlayer;
  /**
   * Where every checked rep turn is recorded (the compliance audit log in the app): a rep who
   * practises a non-compliant claim is on record like any other checked draft.
   */
  audit?: (entry: AuditEntry) => void;
  /** LLM mode: a written coaching note added to scored attempts (never changes a score). */
  feedbackWriter?: FeedbackWriter;
  feedbackTimeoutMs?: number;
}

export interface QuizStart {
  product: string;
  n: number;
  language: Language;
  user: string;
  channel?: string | null;
  /** Where the quiz lives (a Slack message or a CLI run); a new id when absent. */
  key?: string;
  seed?: string;
}

export interface RoleplayStart {
  product?: string;
  persona?: string;
  language: Language;
  user: string;
  channel?: string | null;
  /** The thread the role-play lives in: every rep reply there goes to this role-play. */
  key: string;
}

export interface WrittenAnswer {
  product: string;
  /** What the doctor said, or the category; the objection is classified when only the text is given. */
  objection?: string;
  category?: ObjectionCategory;
  language: Language;
  turns: readonly string[];
}

/** Quizzes, role-plays, scoring and trainer results, free of any transport. */
export interface TrainingService {
  readonly personas: readonly Persona[];
  readonly rubricVersion: string;
  /** A quiz whose questions passed the compliance filter (not started: for trainers and `quiz --json`). */
  generateQuiz(request: { product: string; n: number; language: Language; seed?: string; user?: string }): Promise<Result<CheckedQuiz, TrainingProblem>>;
  startQuiz(request: QuizStart): Promise<Result<QuizSession, TrainingProblem>>;
  answerQuiz(request: { sessionId: string; questionId: string; user: string; choice: number }): Promise<Result<QuizAnswerOutcome, TrainingProblem>>;
  /** Ends the quiz and records each participant's result. Only the rep who started it, or a trainer (`trainer: true`), may. */
  finishQuiz(request: { sessionId: string; user: string; trainer?: boolean }): Promise<Result<QuizResults, TrainingProblem>>;
  startRoleplay(request: RoleplayStart): Promise<Result<RoleplayStep, TrainingProblem>>;
  /** A rep's reply in the role-play's thread: the doctor answers, and scores the attempt when it is over. */
  roleplayTurn(request: { key: string; user: string; text: string }): Promise<Result<RoleplayStep, TrainingProblem>>;
  endRoleplay(request: { key: string; user: string }): Promise<Result<RoleplayStep, TrainingProblem>>;
  /** True when a role-play is running (and unexpired) in this thread. */
  hasRoleplay(key: string): boolean;
  /** The last role-play in this thread, running or not: its status and its rep (null when there never was one). */
  roleplayIn(key: string): { status: 'active' | 'finished' | 'expired'; user: string } | null;
  /** Scores a written answer (not stored): for trainers' examples and evaluation. */
  scoreAnswer(answer: WrittenAnswer): Promise<Result<CheckedScore, TrainingProblem>>;
  results(query?: AttemptQuery): AttemptRecord[];
  resultsCsv(query?: AttemptQuery): string;
  summary(query?: AttemptQuery): TrainerSummary;
  overrideScore(request: { attemptId: number; trainer: string; score: number; reason: string }): Result<ScoreOverride, TrainingProblem>;
}

interface QuizState {
  quiz: Quiz;
}

interface RoleplayState {
  productName: string;
  personaName: string;
  category: ObjectionCategory;
  handlerChunkId: string | null;
  turn: number;
  maxTurns: number;
}

const MIN_REASON = 5;
const DEFAULT_FEEDBACK_TIMEOUT_MS = 20_000;

export function createTrainingService(deps: TrainingDeps): TrainingService {
  const now = () => deps.clock.now();
  const expiry = (from: Date) => new Date(from.getTime() + deps.sessionHours * 3_600_000);

  /** LLM mode: the attempt with a written note (its score untouched). */
  async function written(scored: ScoredAttempt, turns: readonly string[], filter: TrainingFilter, origin: TrainingOrigin): Promise<WrittenAttempt> {
    if (!deps.feedbackWriter) return { scored, written: null };
    return addWrittenFeedback(scored, turns, deps.feedbackWriter, filter, deps.feedbackTimeoutMs ?? DEFAULT_FEEDBACK_TIMEOUT_MS, origin);
  }

  async function context() {
    const kb = await deps.knowledge();
    return { kb, checker: deps.checkerFor(kb), filter: deps.filterFor(kb), today: now() };
  }

  /**
   * The doctor's line through the compliance filter, grounded in the handler section it quotes.
   * A line the filter stops is replaced by `fallback` (itself checked); the stopped line stays on
   * the audit record.
   */
  async function say(filter: TrainingFilter, text: string, origin: TrainingOrigin, body: { language: Language; product: string; speaker: string }, section: HandlerSection | undefined, fallback: string): Promise<DoctorLine> {
    const sources: GroundingPassage[] = section ? [passageOf(section.chunk, body.product)] : [];
    const line = await approveDoctorLine(filter, text, sources, origin, body);
    if (postable(line.compliance) || fallback === text) return line;
    return approveDoctorLine(filter, fallback, sources, { ...origin, context: { ...origin.context, replacesAudit: line.payload.auditId } }, body);
  }

  /** The coaching (and LLM note) for a scored attempt, minted by the compliance filter. */
  async function feedback(note: WrittenAttempt, filter: TrainingFilter, origin: TrainingOrigin): Promise<CheckedScore> {
    const coaching = await approveCoaching(filter, note.scored, origin);
    return { scored: note.scored, feedback: { coaching, written: note.written } };
  }

  /**
   * Quiz candidates are asked only when their revealed quote passes the check and their text (stem
   * and options, grounded in the product's approved material) is minted by the filter unchanged
   * but for appended safety information.
   */
  async function checkedQuiz(ctx: Awaited<ReturnType<typeof context>>, request: { product: string; n: number; language: Language; seed?: string }, origin: TrainingOrigin): Promise<Result<{ quiz: Quiz; checked: CheckedQuiz }, TrainingProblem>> {
    const minted = new Map<string, QuizQuestionText>();
    const materials = new Map<string, QuizMaterial>();
    const materialOf = (product: string) => {
      let found = materials.get(product);
      if (!found) {
        found = quizMaterial(approvedChunks(ctx.kb, product, ctx.today).map((c) => passageOf(c, product)));
        materials.set(product, found);
      }
      return found;
    };
    const quiz = await deps.quizzes.generate(ctx.kb, request, ctx.today, async (q) => {
      const quote = await ctx.checker.check({ text: q.source.quote, language: q.language, product: q.product, sources: [quotePassage(q)] });
      if (!postable(quote)) return false;
      const text = await approveQuizQuestion(ctx.filter, q, questionPassages(q, materialOf(q.product)), origin);
      if (text) minted.set(q.id, text);
      return text !== null;
    });
    if (!quiz.ok) return quiz;
    const q = quiz.value;
    const questions = q.questions.flatMap((x) => minted.get(x.id) ?? []);
    return ok({ quiz: q, checked: { product: q.product, productName: q.productName, language: q.language, questions, available: q.available } });
  }

  function roleplayStep(session: { id: string; key: string; user: string; product: string; language: Language; persona: string | null }, state: RoleplayState, doctor: DoctorLine | null, done: boolean, result: RoleplayStep['result']): RoleplayStep {
    return {
      sessionId: session.id,
      key: session.key,
      user: session.user,
      product: session.product,
      productName: state.productName,
      persona: { id: session.persona ?? '', name: state.personaName },
      language: session.language,
      category: state.category,
      turn: state.turn,
      maxTurns: state.maxTurns,
      doctor,
      done,
      result,
    };
  }

  async function scoreAndStore(session: { id: string; user: string; channel: string | null; product: string; language: Language; persona: string | null }, state: RoleplayState): Promise<RoleplayStep['result']> {
    const store = deps.store();
    const reps = store.turns(session.id).filter((t) => t.role === 'rep').map((t) => t.text);
    if (reps.length === 0) return null;
    const ctx = await context();
    const sections = handlerSections(ctx.kb, deps.lexicon, session.product, ctx.today);
    const handler = sections.find((s) => s.chunk.id === state.handlerChunkId) ?? handlerFor(sections, state.category, session.language);
    const origin: TrainingOrigin = { activity: 'roleplay', user: session.user, channel: session.channel, session: session.id, context: { persona: session.persona, objection: state.category } };
    const note = await written(await deps.scorer.score(ctx, { product: session.product, category: state.category, language: session.language, turns: reps, handler }), reps, ctx.filter, origin);
    const { scored } = note;
    const attemptId = store.addAttempt(
      {
        sessionId: session.id,
        kind: 'roleplay',
        user: session.user,
        channel: session.channel,
        product: session.product,
        language: session.language,
        persona: session.persona,
        category: state.category,
        rubricVersion: scored.rubricVersion,
        score: scored.score,
        rawScore: scored.rawScore,
        outcome: scored.outcome,
        lines: scored.lines.map((l) => ({ lineId: l.id, label: l.label, weight: l.weight, score: l.score })),
        detail: scored,
      },
      now(),
    );
    return { attemptId, ...(await feedback(note, ctx.filter, { ...origin, context: { ...origin.context, attempt: attemptId } })) };
  }

  return {
    personas: deps.personas,
    rubricVersion: deps.scorer.rubric.version,

    async generateQuiz(request) {
      const generated = await checkedQuiz(await context(), request, { activity: 'quiz', user: request.user ?? null, channel: null, session: null });
      return generated.ok ? ok(generated.value.checked) : generated;
    },

    async startQuiz(request) {
      const id = randomUUID();
      const generated = await checkedQuiz(await context(), request, { activity: 'quiz', user: request.user, channel: request.channel ?? null, session: id });
      if (!generated.ok) return generated;
      const { quiz, checked } = generated.value;
      if (checked.questions.length === 0) return fail(problem('NO_MATERIAL', `No ${checked.productName} question passed the checks.`));
      const at = now();
      const created = deps.store().createSession<QuizState>({
        id,
        kind: 'quiz',
        key: request.key ?? `quiz:${id}`,
        user: request.user,
        channel: request.channel ?? null,
        product: quiz.product,
        language: request.language,
        persona: null,
        state: { quiz },
        createdAt: at.toISOString(),
        expiresAt: expiry(at).toISOString(),
      });
      if (!created.ok) return created;
      return ok({ sessionId: id, ...checked });
    },

    async answerQuiz(request) {
      const store = deps.store();
      const at = now();
      const session = store.activeSession<QuizState>(request.sessionId, at);
      if (!session.ok) return session;
      const question = session.value.state.quiz.questions.find((q) => q.id === request.questionId);
      if (!question) return fail(problem('QUESTION_UNKNOWN', 'That question is not part of this quiz.'));
      if (!Number.isInteger(request.choice) || request.choice < 0 || request.choice >= question.options.length) {
        return fail(problem('QUESTION_UNKNOWN', `Choose one of ${question.options.length} options.`));
      }
      // The answer is minted (and audited) first: if it cannot be shown, the click is not recorded.
      const { filter } = await context();
      const answer = await approveQuizAnswer(filter, question, { activity: 'quiz', user: request.user, channel: session.value.channel, session: session.value.id, context: { shown: 'reveal' } });
      const recorded = store.recordQuizAnswer(session.value.id, { questionId: question.id, user: request.user, choice: request.choice, correct: request.choice === question.correct, at: at.toISOString() });
      store.touch(session.value.id, session.value.state, at, expiry(at));
      const first = recorded ? request.choice : (store.quizAnswers(session.value.id).find((a) => a.questionId === question.id && a.user === request.user)?.choice ?? request.choice);
      return ok({
        sessionId: session.value.id,
        questionId: question.id,
        choice: first,
        correct: first === question.correct,
        repeated: !recorded,
        correctIndex: question.correct,
        source: question.source,
        answer,
      });
    },

    async finishQuiz(request) {
      const store = deps.store();
      const at = now();
      const session = store.activeSession<QuizState>(request.sessionId, at);
      if (!session.ok) return session;
      if (session.value.user !== request.user && request.trainer !== true) {
        return fail(problem('NOT_PARTICIPANT', 'Only the person who started this quiz, or a trainer, can finish it.'));
      }
      const { quiz } = session.value.state;
      // The answers for the channel are minted (and audited) first: if they cannot be shown, the quiz stays open.
      const { filter } = await context();
      const origin: TrainingOrigin = { activity: 'quiz', user: session.value.user, channel: session.value.channel, session: session.value.id, context: { shown: 'leaderboard' } };
      const revealed = [];
      for (const q of quiz.questions) revealed.push(await approveQuizAnswer(filter, q, origin));
      const answers = store.quizAnswers(session.value.id);
      const total = quiz.questions.length;
      const users = [...new Set(answers.map((a) => a.user))];
      const leaderboard: LeaderboardEntry[] = users
        .map((user) => {
          const mine = answers.filter((a) => a.user === user);
          const correct = mine.filter((a) => a.correct).length;
          return { user, correct, answered: mine.length, total, score: Math.round((100 * correct) / (total || 1)) };
        })
        .sort((a, b) => b.correct - a.correct || a.answered - b.answered || users.indexOf(a.user) - users.indexOf(b.user));
      const attemptIds = leaderboard.map((entry) =>
        store.addAttempt(
          {
            sessionId: session.value.id,
            kind: 'quiz',
            user: entry.user,
            channel: session.value.channel,
            product: quiz.product,
            language: quiz.language,
            persona: null,
            category: null,
            rubricVersion: null,
            score: entry.score,
            rawScore: entry.score,
            outcome: entry.score >= 70 ? 'pass' : 'needs-work',
            lines: topicLines(quiz.questions, answers.filter((a) => a.user === entry.user)),
            detail: { answers: answers.filter((a) => a.user === entry.user) },
          },
          at,
        ),
      );
      store.finish(session.value.id, at);
      return ok({ sessionId: session.value.id, product: quiz.product, productName: quiz.productName, language: quiz.language, answers: revealed, leaderboard, attemptIds });
    },

    async startRoleplay(request) {
      const ctx = await context();
      const { kb, filter, today } = ctx;
      let productSlug: string;
      if (request.product && request.product.trim() !== '') {
        const card = resolveProduct(kb.products, request.product);
        if (!card) return fail(problem('PRODUCT_UNKNOWN', `No product called "${request.product}". Products: ${kb.products.map((p) => p.name).join(', ') || '(none indexed)'}.`));
        productSlug = card.slug;
      } else {
        const withHandlers = kb.products.filter((p) => handlerSections(kb, deps.lexicon, p.slug, today).length > 0);
        const first = withHandlers[0];
        if (!first) return fail(problem('NO_OBJECTION_MATERIAL', 'No product has an approved objection handler to draw a role-play from.'));
        productSlug = first.slug;
      }
      const card = kb.products.find((p) => p.slug === productSlug);
      const sections = handlerSections(kb, deps.lexicon, productSlug, today);
      if (sections.length === 0) return fail(problem('NO_OBJECTION_MATERIAL', `${card?.name ?? productSlug} has no approved, unexpired objection handler to draw a role-play from.`));
      const id = randomUUID();
      const random = seededRandom(id);
      let persona: Persona | undefined;
      if (request.persona && request.persona.trim() !== '') {
        persona = findPersona(deps.personas, request.persona);
        if (!persona) return fail(problem('PERSONA_UNKNOWN', `No persona "${request.persona}". Personas: ${deps.personas.map((p) => p.id).join(', ')}.`));
      } else {
        persona = deps.personas[Math.floor(random() * deps.personas.length)];
      }
      if (!persona) return fail(problem('PERSONA_UNKNOWN', 'No personas are configured (data/training/personas).'));
      const available = new Set(sections.map((s) => s.category));
      const categories = persona.objections.filter((c) => available.has(c));
      const category = categories[0] ?? sections[Math.floor(random() * sections.length)]?.category ?? 'other';
      const section = handlerFor(sections, category, request.language);
      if (!section) return fail(problem('NO_OBJECTION_MATERIAL', 'No objection handler section fits this persona.'));
      const personaName = persona.name[request.language];
      const origin: TrainingOrigin = { activity: 'roleplay', user: request.user, channel: request.channel ?? null, session: id, context: { persona: persona.id, objection: category, turn: 0 } };
      const opening = await say(filter, deps.doctor.opening(persona, section, request.language, id), origin, { language: request.language, product: productSlug, speaker: personaName }, section, section.chunk.section ?? '…');
      const at = now();
      const state: RoleplayState = {
        productName: card?.name ?? productSlug,
        personaName,
        category,
        handlerChunkId: section.chunk.id,
        turn: 0,
        maxTurns: persona.maxTurns,
      };
      const store = deps.store();
      const created = store.createSession<RoleplayState>({
        id,
        kind: 'roleplay',
        key: request.key,
        user: request.user,
        channel: request.channel ?? null,
        product: productSlug,
        language: request.language,
        persona: persona.id,
        state,
        createdAt: at.toISOString(),
        expiresAt: expiry(at).toISOString(),
      });
      if (!created.ok) return created;
      store.addTurn(id, 'doctor', null, opening.text, at);
      return ok(roleplayStep(created.value, state, opening, false, null));
    },

    async roleplayTurn(request) {
      const store = deps.store();
      const at = now();
      const found = store.activeSession<RoleplayState>(request.key, at);
      if (!found.ok) return found;
      const session = found.value;
      if (session.kind !== 'roleplay') return fail(problem('SESSION_NOT_FOUND', 'No role-play is running here.'));
      if (session.user !== request.user) return fail(problem('NOT_PARTICIPANT', 'This role-play belongs to another rep; start your own with /repbot roleplay.'));
      const state: RoleplayState = { ...session.state, turn: session.state.turn + 1 };
      store.addTurn(session.id, 'rep', request.user, request.text, at);
      const ctx = await context();
      const sections = handlerSections(ctx.kb, deps.lexicon, session.product, ctx.today);
      const handler = sections.find((s) => s.chunk.id === state.handlerChunkId) ?? handlerFor(sections, state.category, session.language);
      const reps = store.turns(session.id).filter((t) => t.role === 'rep').map((t) => t.text);
      const analysis = await deps.scorer.analyze(ctx, { product: session.product, category: state.category, language: session.language, turns: reps, handler }, reps.length);
      deps.audit?.({
        user: request.user,
        channel: session.channel,
        source: 'training',
        kind: 'roleplay',
        draft: request.text,
        sources: analysis.passages,
        result: analysis.compliance,
        context: { session: session.id, product: session.product, persona: session.persona, objection: state.category, turn: state.turn },
      });
      const persona = deps.personas.find((p) => p.id === session.persona) ?? deps.personas[0];
      if (!persona) return fail(problem('PERSONA_UNKNOWN', 'The persona of this role-play is no longer configured.'));
      const reply = deps.doctor.reply(persona, deps.scorer.signals(analysis, handler), state.turn, session.language, session.id);
      const origin: TrainingOrigin = { activity: 'roleplay', user: session.user, channel: session.channel, session: session.id, context: { persona: session.persona, objection: state.category, turn: state.turn } };
      const line = await say(ctx.filter, reply.text, origin, { language: session.language, product: session.product, speaker: state.personaName }, handler, '…');
      store.addTurn(session.id, 'doctor', null, line.text, now());
      if (!reply.done) {
        store.touch(session.id, state, at, expiry(at));
        return ok(roleplayStep(session, state, line, false, null));
      }
      store.touch(session.id, state, at, expiry(at));
      const result = await scoreAndStore(session, state);
      store.finish(session.id, now());
      return ok(roleplayStep(session, state, line, true, result));
    },

    async endRoleplay(request) {
      const store = deps.store();
      const found = store.activeSession<RoleplayState>(request.key, now());
      if (!found.ok) return found;
      const session = found.value;
      if (session.user !== request.user) return fail(problem('NOT_PARTICIPANT', 'Only the rep who started this role-play can end it.'));
      const result = await scoreAndStore(session, session.state);
      store.finish(session.id, now());
      return ok(roleplayStep(session, session.state, null, true, result));
    },

    roleplayIn(key) {
      const session = deps.store().latestSession<RoleplayState>(key, now());
      return session && session.kind === 'roleplay' ? { status: session.status, user: session.user } : null;
    },

    hasRoleplay(key) {
      return deps.store().activeKind(key, now()) === 'roleplay';
    },

    async scoreAnswer(answer) {
      const ctx = await context();
      const card = resolveProduct(ctx.kb.products, answer.product);
      if (!card) return fail(problem('PRODUCT_UNKNOWN', `No product called "${answer.product}".`));
      const category = answer.category ?? classifyObjection(answer.objection ?? answer.turns.join(' '), deps.lexicon, card.competitors).category;
      const handler = handlerFor(handlerSections(ctx.kb, deps.lexicon, card.slug, ctx.today), category, answer.language);
      const origin: TrainingOrigin = { activity: 'roleplay', user: null, channel: null, session: null, context: { objection: category } };
      const note = await written(await deps.scorer.score(ctx, { product: card.slug, category, language: answer.language, turns: answer.turns, handler }), answer.turns, ctx.filter, origin);
      return ok(await feedback(note, ctx.filter, origin));
    },

    results: (query) => deps.store().attempts(query),
    resultsCsv: (query) => resultsCsv(deps.store().attempts(query)),
    summary: (query) => summarize(deps.store().attempts(query)),

    overrideScore(request) {
      if (!Number.isFinite(request.score) || request.score < 0 || request.score > 100) return fail(problem('INVALID_SCORE', 'A score is a number from 0 to 100.'));
      if (request.reason.trim().length < MIN_REASON) return fail(problem('REASON_NEEDED', 'Give a reason for the override (it is kept in the audit trail).'));
      return deps.store().overrideScore(request.attemptId, request.trainer, Math.round(request.score), request.reason.trim(), now());
    },
  };
}

/** A quiz attempt's lines: the share answered correctly per topic. */
function topicLines(questions: readonly QuizQuestion[], answers: ReadonlyArray<{ questionId: string; correct: boolean }>) {
  const topics = [...new Set(questions.map((q) => q.topic))];
  return topics.map((topic) => {
    const ids = new Set(questions.filter((q) => q.topic === topic).map((q) => q.id));
    const right = answers.filter((a) => ids.has(a.questionId) && a.correct).length;
    return { lineId: `topic-${topic}`, label: topic, weight: ids.size, score: ids.size > 0 ? right / ids.size : 0 };
  });
}
