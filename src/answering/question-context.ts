import type { Language, ProductCard } from '../knowledge/types.js';
import { findProductMentions } from '../retrieval/product-matcher.js';
import { detectLanguage } from '../text/language.js';
import type { ConversationStore, ConversationTurn } from './conversation/conversation-store.js';
import { combineWithPrevious, isFollowUp } from './conversation/follow-up.js';

/** A message read in its thread: what to search, and which products it is about. */
export interface QuestionContext {
  message: string;
  language: Language;
  /** The message, or the previous question plus the message when it is a follow-up. */
  effective: string;
  followUp: boolean;
  /** Products the question is about: named in it, else the thread's (follow-ups). */
  targets: ProductCard[];
  /** A product named explicitly (option), restricting the search. */
  productOption: string | undefined;
}

export async function questionContext(
  message: string,
  products: readonly ProductCard[],
  store: ConversationStore | undefined,
  options: { threadId?: string; product?: string },
): Promise<QuestionContext> {
  const language = detectLanguage(message);
  const named = findProductMentions(message, [...products]).map((m) => m.slug);
  const previous: ConversationTurn | null = store && options.threadId ? await store.latest(options.threadId) : null;
  const followUp = previous !== null && isFollowUp(message, named.length > 0);
  const effective = followUp && previous ? combineWithPrevious(previous.effectiveQuestion, message, namesOf(previous.products, products), named.length > 0) : message;
  const explicit = options.product ? products.filter((p) => [p.slug, p.name, ...p.aliases].some((n) => n.toLowerCase() === options.product?.toLowerCase())).map((p) => p.slug) : [];
  const slugs = explicit.length > 0 ? explicit : named.length > 0 ? named : followUp && previous ? previous.products : [];
  const targets = products.filter((p) => slugs.includes(p.slug));
  const productOption = options.product ?? (followUp && named.length === 0 && targets.length === 1 ? targets[0]?.slug : undefined);
  return { message, language, effective, followUp, targets, productOption };
}

function namesOf(slugs: readonly string[], products: readonly ProductCard[]): string[] {
  return products.filter((p) => slugs.includes(p.slug)).flatMap((p) => [p.name, p.slug, ...p.aliases]);
}
