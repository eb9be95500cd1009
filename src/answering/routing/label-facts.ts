import type { Chunk } from '../../knowledge/types.js';
import { splitSentences } from '../../text/sentences.js';
import { cleanSentence, isQuestionLine } from '../extract/chunk-sentences.js';
import { foldText } from '../../text/tokenize.js';
import { type AgeRange, PEDIATRIC_AGES, agesWithPositions } from './age-range.js';
import { doseMentions } from './dose-mentions.js';
import type { OffLabelLexicon } from './routing-lexicon.js';

/** One approved sentence, verbatim, and the chunk it comes from (for the citation). */
export interface LabelSentence {
  text: string;
  chunk: Chunk;
}

/** A maximum dose an approved sentence states ("the maximum recommended dosage is 40 mg"). */
export interface MaxDose {
  value: number;
  unit: string;
  /** The sentence is about children ("in pediatric patients … 20 mg"). */
  pediatric: boolean;
  sentence: LabelSentence;
}

/** A limitation statement about a population ("not established in children younger than 10 years"). */
export interface Limitation {
  population: 'pediatric' | 'women';
  /** Ages it covers (pediatric only). */
  ages: AgeRange | null;
  sentence: LabelSentence;
}

/** What a product's approved material says about its limits: the basis of off-label checks besides product.yaml. */
export interface LabelFacts {
  maxDoses: MaxDose[];
  limitations: Limitation[];
}

export const NO_FACTS: LabelFacts = { maxDoses: [], limitations: [] };

/** The sentences of approved chunks, verbatim. */
export function labelSentences(chunks: readonly Chunk[]): LabelSentence[] {
  return chunks.flatMap((chunk) =>
    splitSentences(chunk.text)
      .filter((raw) => !isQuestionLine(raw))
      .map((raw) => ({ text: cleanSentence(raw), chunk }))
      .filter((s) => s.text !== ''),
  );
}

/** Maximum doses stated by these sentences: the largest dose number of each sentence that speaks of a maximum or a range. */
export function maxDosesIn(sentences: readonly LabelSentence[], lexicon: OffLabelLexicon): MaxDose[] {
  const out: MaxDose[] = [];
  for (const sentence of sentences) {
    const folded = foldText(sentence.text);
    if (!lexicon.maxDose.test(folded)) continue;
    const byUnit = new Map<string, number>();
    for (const d of doseMentions(folded)) byUnit.set(d.unit, Math.max(byUnit.get(d.unit) ?? 0, d.value));
    const pediatric = lexicon.pediatric.test(folded);
    for (const [unit, value] of byUnit) out.push({ value, unit, pediatric, sentence });
  }
  return out;
}

/** Limitation statements about children or women ("not been established", 尚未确立, "not indicated for use in women"). */
export function limitationsIn(sentences: readonly LabelSentence[], lexicon: OffLabelLexicon): Limitation[] {
  const out: Limitation[] = [];
  for (const sentence of sentences) {
    const folded = foldText(sentence.text);
    const limits = lexicon.limitations.find(folded);
    const limit = limits[0];
    if (!limit) continue;
    // "doses above 20 mg have not been studied in children" limits a dose, not a population.
    if (doseMentions(folded).length > 0 || /\bdos(?:e|es|age|ing)\b|剂量/.test(folded)) continue;
    const childAges = agesWithPositions(folded).filter((a) => a.range.min < 18);
    const excepted = lexicon.exceptions.test(folded);
    if (childAges.length > 0 || lexicon.pediatric.test(folded)) {
      // The ages the limitation speaks of: the first stated after it ("not studied in children less than 4 years"), else before it.
      const after = childAges.find((a) => a.start >= limit.start);
      const stated = after ?? childAges[childAges.length - 1];
      if (stated) out.push({ population: 'pediatric', ages: stated.range, sentence });
      else if (!excepted) out.push({ population: 'pediatric', ages: PEDIATRIC_AGES, sentence });
      continue;
    }
    if (lexicon.women.test(folded) && !excepted) out.push({ population: 'women', ages: null, sentence });
  }
  return out;
}
