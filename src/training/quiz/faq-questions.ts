import { chunkSentences } from '../../answering/extract/chunk-sentences.js';
import type { Chunk, Language } from '../../knowledge/types.js';
import { sourceOf } from './fact-questions.js';
import type { QuizQuestion } from './quiz.js';
import { quizTopic } from './quiz-topics.js';
import { seededRandom, shortHash, shuffled } from './seeded-random.js';

const DISTRACTORS = 3;
const MIN_DISTRACTORS = 2;

/**
 * "Which answer is the approved one?" questions from the product's FAQ: the question as
 * approved, the first sentence of its approved answer (verbatim) as the correct option, and the
 * first sentences of FAQ answers on other topics as distractors — approved statements that do
 * not answer this question, so nothing false is ever shown as true.
 * Limits: the topic is judged by words (quiz-topics.ts); two FAQ items on one topic never
 * distract each other, so a FAQ with few topics yields few questions.
 */
export function faqQuestions(faqChunks: readonly Chunk[], product: string, language: Language): QuizQuestion[] {
  const items = faqChunks
    .filter((c) => c.docType === 'faq' && c.language === language && c.section)
    .map((chunk) => ({ chunk, question: chunk.section as string, answer: chunkSentences(chunk, 0)[0]?.text ?? '' }))
    .filter((i) => i.answer.length >= 20)
    .map((i) => ({ ...i, topic: quizTopic(i.question) }));
  const out: QuizQuestion[] = [];
  for (const item of items) {
    const id = `q-${shortHash(`${item.chunk.id}|faq`)}`;
    const random = seededRandom(id);
    const others = items.filter((o) => o !== item && o.topic !== item.topic && o.answer !== item.answer);
    const distractors = [...new Set(shuffled(others, random).map((o) => o.answer))].slice(0, DISTRACTORS);
    if (distractors.length < MIN_DISTRACTORS) continue;
    const options = shuffled([item.answer, ...distractors], random);
    out.push({
      id,
      product,
      language,
      kind: 'faq',
      topic: item.topic,
      prompt: language === 'zh' ? `${item.question}（选出已批准的回答）` : `${item.question} (choose the approved answer)`,
      options,
      correct: options.indexOf(item.answer),
      source: sourceOf(item.chunk, item.answer),
    });
  }
  return out;
}
