import { randomUUID } from 'node:crypto';
import { type Result, fail, ok } from '../../core/result.js';
import type { Language } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../retrieval/knowledge-base.js';
import { approvedChunks, resolveProduct } from '../approved-material.js';
import { type TrainingProblem, problem } from '../training-problem.js';
import { factQuestions } from './fact-questions.js';
import { faqQuestionSets } from './faq-questions.js';
import type { Quiz, QuizQuestion } from './quiz.js';
import { seededRandom, shuffled } from './seeded-random.js';

export interface QuizRequest {
  /** Product slug, name or alias; empty for the first product. */
  product: string;
  n: number;
  language: Language;
  /** The same seed gives the same questions in the same order (default: a new quiz each time). */
  seed?: string;
}

/** Builds a multiple-choice quiz from a knowledge snapshot. */
export interface QuizGenerator {
  /**
   * `admit`: whether a candidate may be asked (the training service checks its quote and mints
   * its text through the compliance filter there); candidates it refuses are skipped.
   */
  generate(kb: KnowledgeBase, request: QuizRequest, today: Date, admit?: (q: QuizQuestion) => Promise<boolean>): Promise<Result<Quiz, TrainingProblem>>;
}

export const MAX_QUIZ_QUESTIONS = 20;

/**
 * The default generator: offline and extractive. Questions come from approved, unexpired label
 * and FAQ material only (figures blanked out of label sentences, FAQ questions with their
 * approved answer); topics are mixed (dose, interactions, contraindications, safety…); a
 * question is used only when the caller's `admit` lets it through (the compliance filter).
 * Limits: no paraphrase (an LLM could write freer stems, this does not); a product with little
 * numeric or FAQ material gives fewer questions than asked (the quiz says how many it found).
 */
export function createQuizGenerator(): QuizGenerator {
  return {
    async generate(kb, request, today, admit) {
      // No product named: the first product (by name) the trainer's knowledge folder has.
      const card = request.product.trim() === '' ? [...kb.products].sort((a, b) => a.name.localeCompare(b.name))[0] : resolveProduct(kb.products, request.product);
      if (!card) {
        const known = kb.products.map((p) => p.name).join(', ');
        return fail(problem('PRODUCT_UNKNOWN', `No product called "${request.product}". Products: ${known || '(none indexed)'}.`));
      }
      const all = approvedChunks(kb, card.slug, today);
      const sources = all.filter((c) => c.docType === 'label' || c.docType === 'faq');
      const faq = faqQuestionSets(sources, card, request.language);
      const candidates = [
        ...faq.questions,
        ...factQuestions(sources, all, card.slug, request.language),
      ];
      if (candidates.length === 0) {
        return fail(problem('NO_MATERIAL', `The approved ${card.name} material has nothing to quiz in ${request.language === 'zh' ? 'Chinese' : 'English'} yet (no label figures or FAQ answers).`));
      }
      const random = seededRandom(request.seed ?? randomUUID());
      const questions: QuizQuestion[] = [];
      for (const q of mixTopics(candidates, random)) {
        if (questions.length >= Math.min(request.n, MAX_QUIZ_QUESTIONS)) break;
        // A FAQ question the filter refuses is asked with another set of options when it has one.
        for (const variant of [q, ...(faq.alternatives.get(q.id) ?? [])]) {
          if (admit && !(await admit(variant))) continue;
          questions.push(variant);
          break;
        }
      }
      return ok({ product: card.slug, productName: card.name, language: request.language, questions, available: candidates.length });
    },
  };
}

/** One question per topic in turn, so a short quiz is not all doses; near-duplicate quotes are dropped. */
function mixTopics(candidates: readonly QuizQuestion[], random: () => number): QuizQuestion[] {
  const byTopic = new Map<string, QuizQuestion[]>();
  for (const q of shuffled(candidates, random)) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  const queues = shuffled([...byTopic.values()], random);
  const out: QuizQuestion[] = [];
  const quotes = new Set<string>();
  while (queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (!next || quotes.has(next.source.quote)) continue;
      quotes.add(next.source.quote);
      out.push(next);
    }
  }
  return out;
}
