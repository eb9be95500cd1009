import { isoDate } from '../../core/clock.js';
import type { Chunk, Language } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../retrieval/knowledge-base.js';
import { detectLanguage } from '../../text/language.js';
import { splitSentences } from '../../text/sentences.js';
import type { Quote } from '../quote-citations.js';
import type { ObjectionCategory } from '../reply.js';
import { classifyObjection } from './objection-classifier.js';
import type { ObjectionLexicon } from './objection-lexicon.js';

interface HandlerSection {
  chunk: Chunk;
  category: ObjectionCategory;
  language: Language;
}

const RESPOND = /(?:^|\s)(?:Respond|Response|回应)\s*[:：]\s*([\s\S]*?)(?=\s(?:Close|收尾)\s*[:：]|$)/;
const sectionsByKb = new WeakMap<KnowledgeBase, HandlerSection[]>();

/** The objection-handler sections of the snapshot, each with the category its heading names. */
function handlerSections(kb: KnowledgeBase, lexicon: ObjectionLexicon): HandlerSection[] {
  let sections = sectionsByKb.get(kb);
  if (!sections) {
    sections = (kb.index?.vectors.chunks() ?? [])
      .map(({ chunk }) => chunk)
      .filter((chunk) => chunk.docType === 'objection-handler' && RESPOND.test(chunk.text))
      .map((chunk) => ({
        chunk,
        category: classifyObjection(`${chunk.section ?? ''} ${chunk.text.slice(0, 160)}`, lexicon).category,
        language: chunk.language,
      }));
    sectionsByKb.set(kb, sections);
  }
  return sections;
}

/**
 * The approved "Respond" step of the product's objection handler for this category, as
 * verbatim sentences: the asker's language first, approved and unexpired today.
 */
export function handlerResponse(kb: KnowledgeBase, lexicon: ObjectionLexicon, product: string, category: ObjectionCategory, language: Language, today: Date): Quote[] {
  const day = isoDate(today);
  const usable = handlerSections(kb, lexicon).filter(
    (s) => s.chunk.product === product && s.category === category && s.chunk.status === 'approved' && (s.chunk.expiresOn === null || s.chunk.expiresOn >= day),
  );
  const section = usable.find((s) => s.language === language) ?? usable[0];
  if (!section) return [];
  const respond = RESPOND.exec(section.chunk.text)?.[1]?.trim() ?? '';
  return splitSentences(respond)
    .filter((s) => s.trim() !== '')
    .map((text) => ({ text, chunk: section.chunk }));
}

export function isOtherLanguage(quotes: readonly Quote[], language: Language): boolean {
  return quotes.some((q) => detectLanguage(q.text) !== language);
}
