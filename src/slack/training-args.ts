import type { Language } from '../knowledge/types.js';
import { detectLanguage } from '../text/language.js';

export interface QuizArgs {
  product: string;
  n: number;
  language: Language;
}

export interface RoleplayArgs {
  product: string | undefined;
  persona: string | undefined;
  language: Language;
}

const DEFAULT_QUESTIONS = 5;
const LANGUAGE_WORDS: Record<string, Language> = { en: 'en', english: 'en', zh: 'zh', chinese: 'zh', 中文: 'zh' };

function split(text: string): { words: string[]; language: Language } {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const named = words.map((w) => LANGUAGE_WORDS[w.toLowerCase()]).find((l) => l !== undefined);
  return { words: words.filter((w) => LANGUAGE_WORDS[w.toLowerCase()] === undefined), language: named ?? (text.trim() === '' ? 'en' : detectLanguage(text)) };
}

/** "/repbot quiz zorvex 5", "/repbot quiz 佐维斯", "/repbot quiz calmira zh": product, number of questions, language. */
export function parseQuizArgs(text: string): QuizArgs {
  const { words, language } = split(text);
  const number = words.find((w) => /^\d{1,2}$/.test(w));
  return { product: words.filter((w) => w !== number).join(' '), n: number ? Math.max(1, Number(number)) : DEFAULT_QUESTIONS, language };
}

/**
 * "/repbot roleplay zorvex skeptical", "/repbot roleplay busy", "/repbot roleplay 佐维斯":
 * the first word is the product unless it is the only word and names a persona.
 */
export function parseRoleplayArgs(text: string, isPersona: (word: string) => boolean): RoleplayArgs {
  const { words, language } = split(text);
  if (words.length === 1 && isPersona(words[0] as string)) return { product: undefined, persona: words[0], language };
  const [product, ...persona] = words;
  return { product, persona: persona.length > 0 ? persona.join(' ') : undefined, language };
}
