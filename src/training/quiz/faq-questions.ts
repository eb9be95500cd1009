import { chunkSentences } from '../../answering/extract/chunk-sentences.js';
import type { Chunk, Language, ProductCard } from '../../knowledge/types.js';
import { normalizeForMatch, sourceOf } from './fact-questions.js';
import { type FillCandidate, faqDistractors, statementPool } from './faq-distractors.js';
import type { QuizQuestion } from './quiz.js';
import { quizTopic } from './quiz-topics.js';
import { seededRandom, shortHash, shuffled } from './seeded-random.js';

const DISTRACTORS = 3;
const MIN_DISTRACTORS = 2;
/** Shortest correct option ("Yes." answers nothing on its own); Chinese says as much in fewer characters. */
const MIN_ANSWER_CHARS: Record<Language, number> = { en: 20, zh: 10 };

/**
 * "Which answer is the approved one?" questions from the product's FAQ: the question as
 * approved, the first sentence of its approved answer (verbatim) as the correct option, and as
 * distractors other approved statements of the same product and language that do not answer
 * it — sentences of the label and FAQ on the question's own topic where the material has them
 * (so the answer cannot be spotted by topic), else FAQ answers on other topics (see
 * `faqDistractors` for what "does not answer" means). Nothing is invented or edited, so nothing
 * false is ever shown as true.
 * `sourceChunks`: the product's approved, unexpired label and FAQ chunks (all languages).
 * Limits: topics and "does not answer" are judged by words, figures and form, not meaning (a
 * sentence that answers the question in wholly other words and figures could slip through; the
 * checks lean to leaving good distractors out); label sentences keep the label's wording ("ZORVEX").
 */
export function faqQuestions(sourceChunks: readonly Chunk[], card: Pick<ProductCard, 'slug' | 'name' | 'aliases'>, language: Language): QuizQuestion[] {
  return faqQuestionSets(sourceChunks, card, language).questions;
}

/**
 * The FAQ questions (see `faqQuestions`) and, by question id, other sets of options for each:
 * the same question with one of its distractors left out and the next candidate in its place.
 * A question whose text the compliance filter would change (a label sentence can trip a rule
 * when it stands beside another option) is then asked with another set instead of not at all.
 */
export function faqQuestionSets(
  sourceChunks: readonly Chunk[],
  card: Pick<ProductCard, 'slug' | 'name' | 'aliases'>,
  language: Language,
): { questions: QuizQuestion[]; alternatives: Map<string, QuizQuestion[]> } {
  const product = card.slug;
  const names = [card.name, ...card.aliases];
  const items = sourceChunks
    .filter((c) => c.docType === 'faq' && c.language === language && c.section)
    .map((chunk) => {
      const sentences = chunkSentences(chunk, 0).map((s) => s.text);
      return { chunk, question: chunk.section as string, answer: sentences[0] ?? '', sentences };
    })
    .filter((i) => i.answer.length >= MIN_ANSWER_CHARS[language])
    .map((i) => ({ ...i, topic: quizTopic(i.question) }));
  const pool = statementPool(sourceChunks, language);
  const questions: QuizQuestion[] = [];
  const alternatives = new Map<string, QuizQuestion[]>();
  for (const item of items) {
    const id = `q-${shortHash(`${item.chunk.id}|faq`)}`;
    const fills: FillCandidate[] = items.filter((o) => o !== item && o.answer !== item.answer).map((o) => ({ text: o.answer, question: o.question, itemTopic: o.topic }));
    const target = { question: item.question, topic: item.topic, answer: item.answer, answerSentences: item.sentences };
    const build = (seed: string, exclude?: ReadonlySet<string>): QuizQuestion | null => {
      const random = seededRandom(seed);
      const distractors = faqDistractors(target, pool, fills, names, DISTRACTORS, random, exclude);
      if (distractors.length < MIN_DISTRACTORS) return null;
      const options = shuffled([item.answer, ...distractors], random);
      return {
        id,
        product,
        language,
        kind: 'faq',
        topic: item.topic,
        prompt: language === 'zh' ? `${item.question}（选出已批准的回答）` : `${item.question} (choose the approved answer)`,
        options,
        correct: options.indexOf(item.answer),
        source: sourceOf(item.chunk, item.answer),
      };
    };
    const question = build(id);
    if (!question) continue;
    questions.push(question);
    const others = question.options
      .filter((_, i) => i !== question.correct)
      .flatMap((left) => build(`${id}|without|${left}`, new Set([normalizeForMatch(left)])) ?? []);
    alternatives.set(id, others);
  }
  return { questions, alternatives };
}
