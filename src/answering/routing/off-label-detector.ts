import type { Language, ProductCard } from '../../knowledge/types.js';
import { foldText } from '../../text/tokenize.js';
import { type AgeRange, ADULT_AGES, PEDIATRIC_AGES, describeAges, overlaps, statedAges, within } from './age-range.js';
import { doseMentions } from './dose-mentions.js';
import type { LabelFacts, LabelSentence, MaxDose } from './label-facts.js';
import type { ConditionConcept, OffLabelLexicon } from './routing-lexicon.js';
import { sectionPrior } from '../extract/section-prior.js';
import type { Span } from './term-set.js';

export type OffLabelKind = 'use' | 'population' | 'dose';

export interface OffLabelSignal {
  kind: OffLabelKind;
  product: string;
  /** What is outside the approved use, in both languages. */
  detail: Record<Language, string>;
  /** Approved sentences that state the limit (quoted in the routed reply), may be empty. */
  evidence: LabelSentence[];
}

/** What the question asks about, found before any label facts are read. */
export interface QuestionScope {
  population: { kind: 'pediatric'; ages: AgeRange; text: string } | { kind: 'women'; text: string } | null;
  doses: ReturnType<typeof doseMentions>;
}

const CLAUSE_BREAK = /[,;.?!，；。？！]/;
const MAX_GAP = 40;
const TEEN = /teen|adolescent|青少年|少年/;
const INFANT = /infant|baby|babies|newborn|neonat|toddler|婴|新生儿|幼儿|宝宝/;

export function questionScope(question: string, lexicon: OffLabelLexicon): QuestionScope {
  const folded = foldText(question);
  return { population: populationOf(folded, lexicon), doses: doseMentions(folded) };
}

function populationOf(folded: string, lexicon: OffLabelLexicon): QuestionScope['population'] {
  const child = statedAges(folded).find((a) => a.min < 18);
  if (child) return { kind: 'pediatric', ages: { min: child.min, max: Math.min(child.max, PEDIATRIC_AGES.max) }, text: describeAges(child, 'en') };
  const term = lexicon.pediatric.find(folded)[0];
  if (term) {
    const ages = TEEN.test(term.text) ? { min: 12, max: 17.99 } : INFANT.test(term.text) ? { min: 0, max: 1.99 } : PEDIATRIC_AGES;
    return { kind: 'pediatric', ages, text: term.text };
  }
  const women = lexicon.women.find(folded)[0];
  return women ? { kind: 'women', text: women.text } : null;
}

/**
 * A use, population or dose outside a product's approved use (product.yaml `indications`, and
 * the limits its approved material states). Pure: the label facts are gathered beforehand.
 */
export function detectOffLabel(question: string, product: ProductCard, facts: LabelFacts, lexicon: OffLabelLexicon): OffLabelSignal | null {
  const folded = foldText(question);
  const scope = questionScope(question, lexicon);
  return offLabelUse(folded, product, lexicon) ?? offLabelPopulation(scope, product, facts, lexicon) ?? offLabelDose(folded, scope, product, facts, lexicon);
}

function offLabelUse(folded: string, product: ProductCard, lexicon: OffLabelLexicon): OffLabelSignal | null {
  if (product.indications.length === 0) return null;
  const indications = foldText(product.indications.join(' \n '));
  const cues = lexicon.useCues.find(folded);
  if (cues.length === 0) return null;
  for (const { concept, span } of conditionSpans(folded, lexicon.conditions)) {
    if (concept.terms.test(indications)) continue;
    if (lexicon.populationNouns.find(folded.slice(span.end, span.end + 12)).some((p) => p.start <= 2)) continue;
    const cued = cues.some((cue) => {
      if (cue.end > span.start) return false;
      const gap = folded.slice(cue.end, span.start);
      return gap.length <= MAX_GAP && !CLAUSE_BREAK.test(gap) && !lexicon.populationNouns.test(gap);
    });
    if (!cued) continue;
    return {
      kind: 'use',
      product: product.slug,
      detail: {
        en: `${concept.label.en} is not among the approved indications of ${product.name}`,
        zh: `${concept.label.zh}不在${product.name}已获批准的适应症范围内`,
      },
      evidence: [],
    };
  }
  return null;
}

/** Condition mentions, the most specific concept winning where two overlap ("homozygous FH" over "FH"). */
function conditionSpans(folded: string, conditions: readonly ConditionConcept[]): Array<{ concept: ConditionConcept; span: Span }> {
  const all = conditions.flatMap((concept) => concept.terms.find(folded).map((span) => ({ concept, span })));
  return all
    .filter((a) => !all.some((b) => b !== a && b.span.start <= a.span.start && b.span.end >= a.span.end && b.span.end - b.span.start > a.span.end - a.span.start))
    .sort((a, b) => a.span.start - b.span.start);
}

function offLabelPopulation(scope: QuestionScope, product: ProductCard, facts: LabelFacts, lexicon: OffLabelLexicon): OffLabelSignal | null {
  const population = scope.population;
  if (!population) return null;
  if (population.kind === 'women') {
    const limits = facts.limitations.filter((l) => l.population === 'women');
    if (limits.length === 0) return null;
    return {
      kind: 'population',
      product: product.slug,
      detail: { en: `use in women is outside the approved use of ${product.name}`, zh: `${product.name}未获批准用于女性` },
      evidence: bestEvidence(limits.map((l) => l.sentence)),
    };
  }
  const asked = population.ages;
  const limits = facts.limitations.filter((l) => l.population === 'pediatric' && l.ages !== null && within(asked, l.ages));
  const approved = product.indications.length > 0 ? product.indications.flatMap((i) => indicationAges(i, lexicon)) : null;
  const outside = approved ? !approved.some((r) => overlaps(asked, r)) : limits.length > 0;
  if (!outside) return null;
  return {
    kind: 'population',
    product: product.slug,
    detail: {
      en: `use in children (${describeAges(asked, 'en')}) is outside the approved population of ${product.name}`,
      zh: `${product.name}未获批准用于该年龄段儿童（${describeAges(asked, 'zh')}）`,
    },
    evidence: bestEvidence(limits.map((l) => l.sentence)),
  };
}

/** Label and FAQ statements before patient-leaflet wording; the most specific limitation first. */
function bestEvidence(sentences: LabelSentence[]): LabelSentence[] {
  const rank = (s: LabelSentence) =>
    sectionPrior(s.chunk.section) + (s.chunk.docType === 'label' || s.chunk.docType === 'faq' ? 0.1 : 0) - (/\b(?:you|your)\b|\bnot for use\b/i.test(s.text) ? 0.1 : 0);
  return [...sentences].sort((a, b) => rank(b) - rank(a));
}

/** The ages an indication covers: stated ages, else adults, else children, else everyone. */
export function indicationAges(indication: string, lexicon: OffLabelLexicon): AgeRange[] {
  const folded = foldText(indication);
  const stated = statedAges(folded);
  if (stated.length > 0) return stated;
  if (lexicon.adult.test(folded)) return [ADULT_AGES];
  if (lexicon.pediatric.test(folded)) return [PEDIATRIC_AGES];
  return [{ min: 0, max: 120 }];
}

function offLabelDose(folded: string, scope: QuestionScope, product: ProductCard, facts: LabelFacts, lexicon: OffLabelLexicon): OffLabelSignal | null {
  if (scope.doses.length === 0 || facts.maxDoses.length === 0) return null;
  const pediatric = scope.population?.kind === 'pediatric';
  const above = lexicon.doseAbove.find(folded);
  for (const dose of scope.doses) {
    const sameUnit = facts.maxDoses.filter((m) => m.unit === dose.unit);
    if (sameUnit.length === 0) continue;
    const relevant = preferPopulation(sameUnit, pediatric);
    const max = Math.max(...relevant.map((m) => m.value));
    const pushed = above.some((a) => a.end <= dose.start && dose.start - a.end <= 20);
    if (dose.value > max || (pushed && dose.value >= max)) {
      return {
        kind: 'dose',
        product: product.slug,
        detail: {
          en: `${dose.value} ${dose.unit} is above the highest approved dose of ${product.name} (${max} ${dose.unit})`,
          zh: `${dose.value} ${dose.unit}超过${product.name}已批准的最高剂量（${max} ${dose.unit}）`,
        },
        evidence: relevant.filter((m) => m.value === max).map((m) => m.sentence).slice(0, 1),
      };
    }
  }
  return null;
}

function preferPopulation(maxes: MaxDose[], pediatric: boolean): MaxDose[] {
  const matching = maxes.filter((m) => m.pediatric === pediatric);
  return matching.length > 0 ? matching : maxes;
}
