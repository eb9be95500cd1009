import type { Chunk, ProductCard } from '../../src/knowledge/types.js';
import type { LabelFacts, LabelSentence } from '../../src/answering/routing/label-facts.js';
import { loadRoutingLexicon, type RoutingLexicon } from '../../src/answering/routing/routing-lexicon.js';

export function lexicon(): RoutingLexicon {
  const loaded = loadRoutingLexicon();
  if (!loaded.ok) throw new Error(loaded.error.join('\n'));
  return loaded.value;
}

const card = (over: Partial<ProductCard> & Pick<ProductCard, 'slug' | 'name'>): ProductCard => ({
  aliases: [],
  indications: [],
  competitors: [],
  safetySummary: {},
  medicalInformation: 'Medical Information: medinfo@example.com',
  pharmacovigilance: 'Report within 24 hours to safety@example.com',
  fictional: true,
  ...over,
});

export const zorvex = card({
  slug: 'zorvex',
  name: 'Zorvex',
  aliases: ['zorvastatin', '佐维斯', '佐伐他汀'],
  indications: [
    'as an adjunct to diet to reduce low-density lipoprotein cholesterol (LDL-C) in adults with primary hyperlipidemia',
    'as an adjunct to diet to reduce LDL-C in pediatric patients aged 10 to 17 years with heterozygous familial hypercholesterolemia (HeFH)',
  ],
  competitors: ['Crestor', 'rosuvastatin'],
});

export const calmira = card({
  slug: 'calmira',
  name: 'Calmira',
  aliases: ['calmirumab', '卡米拉'],
  indications: [
    'the treatment of moderate-to-severe plaque psoriasis in adults who are candidates for systemic therapy or phototherapy',
    'the treatment of adults with active psoriatic arthritis',
  ],
  competitors: ['Humira', 'adalimumab'],
});

/** A product with no indications listed (like the FDA test cards): only label statements limit it. */
export const viagra = card({ slug: 'viagra', name: 'Viagra', aliases: ['sildenafil', '万艾可'] });

export function chunk(text: string, over: Partial<Chunk> = {}): Chunk {
  return {
    id: `c-${Math.abs(hash(text))}`,
    text,
    file: 'zorvex/label.pdf',
    title: 'ZORVEX Prescribing Information',
    page: 1,
    section: '2 DOSAGE AND ADMINISTRATION',
    product: 'zorvex',
    docType: 'label',
    approvalCode: 'MLR-2025-0101',
    status: 'approved',
    approvedOn: '2025-01-01',
    expiresOn: '2028-01-01',
    audience: 'hcp',
    language: 'en',
    ...over,
  };
}

export const sentence = (text: string, over: Partial<Chunk> = {}): LabelSentence => ({ text, chunk: chunk(text, over) });

export const zorvexFacts: LabelFacts = {
  maxDoses: [
    { value: 40, unit: 'mg', pediatric: false, sentence: sentence('The maximum recommended dosage of Zorvex is 40 mg once daily in adults.') },
    { value: 20, unit: 'mg', pediatric: true, sentence: sentence('The maximum recommended dosage in pediatric patients is 20 mg once daily.') },
  ],
  limitations: [],
};

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
