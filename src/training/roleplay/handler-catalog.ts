import { classifyObjection } from '../../answering/objection/objection-classifier.js';
import type { ObjectionLexicon } from '../../answering/objection/objection-lexicon.js';
import type { ObjectionCategory } from '../../answering/reply.js';
import type { Language } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../retrieval/knowledge-base.js';
import { approvedChunks } from '../approved-material.js';
import { type HandlerSection, parseHandlerSection } from './handler-sections.js';

/**
 * The product's approved, unexpired objection-handler sections, each with the category its
 * heading (and first lines) name. What the doctor's objections are drawn from and what the
 * feedback cites.
 */
export function handlerSections(kb: KnowledgeBase, lexicon: ObjectionLexicon, product: string, today: Date): HandlerSection[] {
  return approvedChunks(kb, product, today, ['objection-handler']).flatMap((chunk) => {
    const category = classifyObjection(`${chunk.section ?? ''} ${chunk.text.slice(0, 160)}`, lexicon).category;
    const section = parseHandlerSection(chunk, category);
    return section ? [section] : [];
  });
}

/** The section for a category, in the language asked for when there is one. */
export function handlerFor(sections: readonly HandlerSection[], category: ObjectionCategory, language: Language): HandlerSection | undefined {
  const usable = sections.filter((s) => s.category === category);
  return usable.find((s) => s.language === language) ?? usable[0];
}
