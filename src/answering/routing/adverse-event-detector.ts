import type { ProductCard } from '../../knowledge/types.js';
import { findProductMentions } from '../../retrieval/product-matcher.js';
import type { AdverseEventFields } from '../reply.js';
import { messageSentences, sentenceWindows } from './message-sentences.js';
import type { AdverseEventLexicon } from './routing-lexicon.js';
import type { Span } from './term-set.js';

export interface AdverseEventSignal {
  fields: AdverseEventFields;
  /** Product slugs the report is about (empty when none could be named). */
  products: string[];
  /** The sentence(s) that reported the event, folded. */
  evidence: string;
}

export interface AdverseEventContext {
  lexicon: AdverseEventLexicon;
  products: readonly ProductCard[];
  /** The product the conversation is about, when the message names none. */
  threadProduct?: ProductCard | null;
  /** Reporter when the message names none, in the rep's language. */
  defaultReporter: string;
}

// A negation just before an event: "no rash", "hasn't had any side effects", "没有出现皮疹".
const NEGATED_BEFORE = /(?:\bno\b|\bnot\b|n't|\bnever\b|\bwithout\b|\bany\b|没有|没|无|未|不再)[^.;,，。；]{0,16}$/;

/**
 * A report of a harmful event in a particular person on a product: a subject ("her patient",
 * 患者), an event (rash, 严重感染), words saying it happened (got, developed, 出现了) with no
 * "if"/"risk of" before them, and a product (named, the thread's, or "on it"). Pure.
 */
export function detectAdverseEvent(message: string, ctx: AdverseEventContext): AdverseEventSignal | null {
  const { lexicon } = ctx;
  const sentences = messageSentences(message);
  const mentioned = findProductMentions(message, [...ctx.products]).map((m) => m.slug);
  const fullText = sentences.join(' ');
  for (const window of sentenceWindows(sentences)) {
    const subjects = lexicon.subjects.find(window);
    if (subjects.length === 0) continue;
    const events = lexicon.events.find(window).filter((e) => !overlapsAny(e, subjects) && !NEGATED_BEFORE.test(window.slice(0, e.start)));
    if (events.length === 0) continue;
    if (!happened(window, lexicon)) continue;
    const products = mentioned.length > 0 ? mentioned : ctx.threadProduct ? [ctx.threadProduct.slug] : [];
    if (products.length === 0 && !lexicon.drugLinks.test(window)) continue;
    const names = products.map((slug) => ctx.products.find((p) => p.slug === slug)?.name ?? slug);
    const reporter = lexicon.reporters.find(fullText).find((r) => !overlapsAny(r, lexicon.subjects.find(fullText)));
    const onset = lexicon.onset.find(fullText)[0];
    return {
      fields: {
        patient: (subjects[0] as Span).text,
        reporter: reporter?.text ?? ctx.defaultReporter,
        product: names.length > 0 ? names.join(', ') : null,
        event: unique(events.map((e) => e.text)),
        onset: onset?.text ?? null,
      },
      products,
      evidence: window,
    };
  }
  return null;
}

/** Experience words that no hypothetical ("if", "risk of", 如果) precedes in their sentence. */
function happened(window: string, lexicon: AdverseEventLexicon): boolean {
  const experiences = lexicon.experience.find(window);
  if (experiences.length === 0) return false;
  const hypotheticals = lexicon.hypothetical.find(window);
  return experiences.some((x) => !hypotheticals.some((h) => h.start <= x.start && sameSentence(window, h.start, x.start)));
}

function sameSentence(text: string, from: number, to: number): boolean {
  return !/[.?!。？！]\s/.test(text.slice(from, to));
}

function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some((o) => span.start < o.end && o.start < span.end);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
