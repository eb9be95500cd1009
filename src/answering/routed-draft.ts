import type { Language, ProductCard } from '../knowledge/types.js';
import { numberQuotes } from './quote-citations.js';
import type { Citation, RoutingDetails } from './reply.js';
import type { ReplySource } from './reply-filter.js';
import {
  adverseEventText,
  medicalAdviceText,
  medicalInformationContact,
  noComparisonText,
  notFoundText,
  offLabelText,
  pharmacovigilanceContact,
} from './reply-texts.js';
import type { Comparison } from './comparison.js';
import type { RouteSignal } from './routing/route-decision.js';

/** The text and metadata of a reply that routes instead of answering. */
export interface RoutedDraft {
  text: string;
  citations: Citation[];
  sources: ReplySource[];
  routing: RoutingDetails;
  product: string | null;
}

/** The reply for a routed message, in the rep's language, with the contact from product.yaml. */
export function routedDraft(signal: RouteSignal, language: Language, products: readonly ProductCard[], targets: readonly ProductCard[]): RoutedDraft {
  const bySlug = (slugs: readonly string[]) => products.filter((p) => slugs.includes(p.slug));
  switch (signal.kind) {
    case 'adverse-event': {
      const about = signal.signal.products.length > 0 ? bySlug(signal.signal.products) : targets.length > 0 ? targets : products;
      const contact = pharmacovigilanceContact(about, language);
      return {
        text: adverseEventText(language, signal.signal.fields, contact),
        citations: [],
        sources: contactSources(about, 'pharmacovigilance'),
        routing: { route: 'pharmacovigilance', reason: 'adverse-event', detail: signal.signal.evidence, contact, fields: signal.signal.fields },
        product: signal.signal.products[0] ?? null,
      };
    }
    case 'off-label': {
      const { signal: s } = signal;
      const about = bySlug([s.product]);
      const contact = medicalInformationContact(about, language);
      const numbered = numberQuotes(s.evidence.slice(0, 2));
      const lines = numbered.quotes.map((q) => `• ${q.text} [${q.n}]`);
      return {
        text: offLabelText(language, lines, contact),
        citations: numbered.citations,
        sources: [...numbered.sources, ...contactSources(about, 'medicalInformation')],
        routing: { route: 'medical-information', reason: `off-label-${s.kind}`, detail: s.detail[language], contact },
        product: s.product,
      };
    }
    case 'medical-advice': {
      const about = targets.length > 0 ? targets : products;
      const contact = medicalInformationContact(about, language);
      return {
        text: medicalAdviceText(language, contact),
        citations: [],
        sources: contactSources(about, 'medicalInformation'),
        routing: {
          route: 'medical-information',
          reason: 'individual-medical-advice',
          detail: `${signal.signal.subject} … ${signal.signal.decision}`,
          contact,
        },
        product: targets[0]?.slug ?? null,
      };
    }
  }
}

/** Nothing approved answers the question: say so, and how to ask Medical Information. */
export function notFoundDraft(language: Language, products: readonly ProductCard[], targets: readonly ProductCard[]): RoutedDraft {
  const about = targets.length > 0 ? targets : products;
  const contact = medicalInformationContact(about, language);
  return {
    text: notFoundText(language, contact),
    citations: [],
    sources: contactSources(about, 'medicalInformation'),
    routing: { route: 'not-found', reason: 'no-approved-source', detail: null, contact },
    product: targets[0]?.slug ?? null,
  };
}

/** A comparison no approved head-to-head claim supports: say so, and how to ask Medical Information for comparative data. */
export function noComparisonDraft(language: Language, comparison: Comparison): RoutedDraft {
  const { product } = comparison;
  const contact = medicalInformationContact([product], language);
  return {
    text: noComparisonText(language, contact),
    citations: [],
    sources: contactSources([product], 'medicalInformation'),
    routing: { route: 'not-found', reason: 'no-head-to-head-claim', detail: comparison.competitors.join(', ') || null, contact },
    product: product.slug,
  };
}

/**
 * The product cards' contact texts, as approved sources of the reply: the figures in them (a
 * phone number, "within 24 hours") are the company's own, not claims to ground elsewhere.
 */
export function contactSources(products: readonly ProductCard[], field: 'medicalInformation' | 'pharmacovigilance'): ReplySource[] {
  const seen = new Set<string>();
  const out: ReplySource[] = [];
  for (const p of products) {
    const text = p[field];
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push({ id: `${p.slug}/product.yaml#${field}`, text, approvalCode: `${p.slug}/product.yaml` });
  }
  return out;
}
