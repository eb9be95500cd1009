import { extractNumbers, type NumberMention, type Unit } from '../../compliance/numbers.js';
import { chunkSentences } from '../../answering/extract/chunk-sentences.js';
import { citedSource } from '../../answering/quote-citations.js';
import type { Chunk, Language } from '../../knowledge/types.js';
import type { QuizQuestion, QuizSource } from './quiz.js';
import { quizTopic } from './quiz-topics.js';
import { seededRandom, shortHash, shuffled } from './seeded-random.js';

/** Units a figure may be quizzed in, most useful first (a dose beats a percentage beats a duration). */
const UNITS: readonly Unit[] = ['mg', 'mg/kg', 'mcg', 'percent', 'fold', 'week', 'hour', 'day', 'month', 'year', 'ml', 'minute'];
const MIN_CHARS = 25;
const MAX_CHARS = 280;
const DISTRACTORS = 3;
const MIN_DISTRACTORS = 2;
const DIGITS = /\d+(?:,\d{3})*(?:\.\d+)?/;
const BLANK = '_____';

/** Folded form for "does the material say this?" checks: lowercase, no markdown, one space. */
export function normalizeForMatch(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The figures with a unit a text states, as "40 mg", "6.1 fold", "12 week". */
export function unitFigures(text: string): Set<string> {
  return new Set(extractNumbers(text.toLowerCase()).filter((n) => n.unit !== null).map((n) => `${n.value} ${n.unit}`));
}

export function sourceOf(chunk: Chunk, quote: string): QuizSource {
  return { chunkId: chunk.id, ...citedSource(chunk), quote };
}

/**
 * "Fill in the figure" questions: a dose, percentage or duration blanked out of an approved
 * label or FAQ sentence. The correct option is the figure as the sentence states it; the
 * distractors are other figures in the same unit that the product's approved material states
 * elsewhere (never invented), never equal to the correct one, and never a figure that makes the
 * sentence read as something the material does say.
 * Limits: a sentence gives one question (its first quizzable figure); figures written as Chinese
 * numerals are not blanked; units must match exactly (20 mg is no distractor for 40 mg/kg).
 */
export function factQuestions(sourceChunks: readonly Chunk[], allChunks: readonly Chunk[], product: string, language: Language): QuizQuestion[] {
  const pools = valuePools(allChunks);
  const approvedText = normalizeForMatch(allChunks.map((c) => c.text).join('\n'));
  const out: QuizQuestion[] = [];
  for (const chunk of sourceChunks) {
    if (chunk.language !== language) continue;
    for (const sentence of chunkSentences(chunk, 0)) {
      if (sentence.kind !== 'sentence') continue;
      const text = sentence.text;
      if (text.length < MIN_CHARS || text.length > MAX_CHARS || !/\d/.test(text) || /FICTIONAL|虚构/i.test(text)) continue;
      const mention = quizzableFigure(text);
      if (!mention) continue;
      const surface = text.slice(mention.start, mention.end);
      const before = text.slice(0, mention.start);
      const after = text.slice(mention.end);
      const id = `q-${shortHash(`${chunk.id}|${sentence.position}|${mention.start}`)}`;
      const random = seededRandom(id);
      const candidates = (pools.get(mention.unit as Unit) ?? [])
        .filter((v) => v !== mention.value)
        .sort((a, b) => closeness(a, mention.value) - closeness(b, mention.value) || a - b)
        .slice(0, DISTRACTORS + 2);
      const distractors: string[] = [];
      for (const value of shuffled(candidates, random)) {
        const option = replaceFigure(surface, value);
        if (option === null || option === surface || distractors.includes(option)) continue;
        // "1 years": a plural unit with the figure 1 reads wrong (and gives itself away).
        if (value === 1 && /[a-z]s$/i.test(surface)) continue;
        // A figure that makes the sentence true elsewhere in the material is not wrong.
        if (approvedText.includes(normalizeForMatch(`${before}${option}${after}`))) continue;
        distractors.push(option);
        if (distractors.length === DISTRACTORS) break;
      }
      if (distractors.length < MIN_DISTRACTORS) continue;
      const options = shuffled([surface, ...distractors], random);
      const faqQuestion = chunk.docType === 'faq' ? chunk.section : null;
      out.push({
        id,
        product,
        language,
        kind: 'fact',
        topic: quizTopic(text),
        prompt: factPrompt(language, faqQuestion, `${before}${BLANK}${after}`),
        options,
        correct: options.indexOf(surface),
        source: sourceOf(chunk, text),
      });
    }
  }
  return out;
}

function factPrompt(language: Language, faqQuestion: string | null, cloze: string): string {
  if (language === 'zh') return `${faqQuestion ? `${faqQuestion}\n` : ''}请填空：“${cloze}”`;
  return `${faqQuestion ? `${faqQuestion}\n` : ''}Fill in the blank: "${cloze}"`;
}

/** The first figure with a unit written in digits ("40 mg", "4.4%", "12 weeks"), in unit preference order. */
function quizzableFigure(text: string): NumberMention | null {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  const mentions = extractNumbers(lower).filter((m) => m.unit !== null && UNITS.includes(m.unit) && DIGITS.test(m.text) && m.text.trim() !== String(m.value));
  mentions.sort((a, b) => UNITS.indexOf(a.unit as Unit) - UNITS.indexOf(b.unit as Unit) || a.start - b.start);
  return mentions[0] ?? null;
}

/** Every figure each unit takes anywhere in the product's approved material (both languages). */
function valuePools(chunks: readonly Chunk[]): Map<Unit, number[]> {
  const pools = new Map<Unit, Set<number>>();
  for (const chunk of chunks) {
    const lower = chunk.text.toLowerCase();
    for (const m of extractNumbers(lower)) {
      if (m.unit === null || !DIGITS.test(m.text)) continue;
      const set = pools.get(m.unit) ?? new Set<number>();
      set.add(m.value);
      pools.set(m.unit, set);
    }
  }
  return new Map([...pools].map(([unit, set]) => [unit, [...set]]));
}

function closeness(a: number, b: number): number {
  if (a <= 0 || b <= 0) return Math.abs(a - b);
  return Math.abs(Math.log(a / b));
}

/** "40 mg" with 20 → "20 mg"; "4.4%" with 2.9 → "2.9%". */
function replaceFigure(surface: string, value: number): string | null {
  if (!DIGITS.test(surface)) return null;
  return surface.replace(DIGITS, String(value));
}
