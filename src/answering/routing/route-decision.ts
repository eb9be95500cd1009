import type { ProductCard } from '../../knowledge/types.js';
import { type AdverseEventSignal, detectAdverseEvent } from './adverse-event-detector.js';
import type { LabelFacts } from './label-facts.js';
import { type MedicalAdviceSignal, detectMedicalAdvice } from './medical-advice-detector.js';
import { type OffLabelSignal, type QuestionScope, detectOffLabel, questionScope } from './off-label-detector.js';
import type { RoutingLexicon } from './routing-lexicon.js';

export type RouteSignal =
  | { kind: 'adverse-event'; signal: AdverseEventSignal }
  | { kind: 'off-label'; signal: OffLabelSignal }
  | { kind: 'medical-advice'; signal: MedicalAdviceSignal };

export interface RouteInput {
  /** The message as the rep typed it (adverse events and advice requests are judged on it). */
  message: string;
  /** The question with its thread context ("and for kids?" after a Calmira question): off-label is judged on it. */
  question: string;
  products: readonly ProductCard[];
  /** Products the question is about: named, or the thread's. */
  targets: readonly ProductCard[];
  lexicon: RoutingLexicon;
  defaultReporter: string;
  /** Reads the label facts a product's off-label check needs (impure: searches the knowledge base). */
  labelFacts(product: ProductCard, scope: QuestionScope): Promise<LabelFacts>;
}

/**
 * Adverse events first (always routed, whatever else the message asks), then off-label uses,
 * populations and doses, then individual medical advice. Null: answer it.
 */
export async function decideRoute(input: RouteInput): Promise<RouteSignal | null> {
  const { lexicon } = input;
  const adverse = detectAdverseEvent(input.message, {
    lexicon: lexicon.adverseEvent,
    products: input.products,
    threadProduct: input.targets.length === 1 ? input.targets[0] : null,
    defaultReporter: input.defaultReporter,
  });
  if (adverse) return { kind: 'adverse-event', signal: adverse };

  const scope = questionScope(input.question, lexicon.offLabel);
  for (const product of input.targets) {
    const needsFacts = scope.doses.length > 0 || scope.population !== null;
    const facts = needsFacts ? await input.labelFacts(product, scope) : { maxDoses: [], limitations: [] };
    const offLabel = detectOffLabel(input.question, product, facts, lexicon.offLabel);
    if (offLabel) return { kind: 'off-label', signal: offLabel };
  }

  const advice = detectMedicalAdvice(input.message, lexicon.medicalAdvice);
  return advice ? { kind: 'medical-advice', signal: advice } : null;
}
