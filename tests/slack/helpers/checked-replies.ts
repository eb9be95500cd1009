import type { AnswerReply, Citation, ReplyBody } from '../../../src/answering/reply.js';
import { createComplianceFilter, parseRulePack } from '../../../src/compliance/index.js';
import type { ProductCard } from '../../../src/knowledge/types.js';

// Real CheckedReply values for the builder tests: only the compliance filter can mint them, so
// these come from real filters, one with no rules (passes text through) and one with a tiny
// pack whose findings the tests control.

export const ZORVEX: ProductCard = {
  slug: 'zorvex',
  name: 'Zorvex',
  aliases: ['zorvastatin'],
  indications: ['as an adjunct to diet to reduce LDL-C in adults with primary hyperlipidemia'],
  competitors: ['Crestor'],
  safetySummary: { en: 'Important Safety Information (FICTIONAL): Zorvex is contraindicated in active liver disease.', zh: '重要安全性信息（虚构示例）：活动性肝病患者禁用佐维斯。' },
  medicalInformation: 'Medical Information (FICTIONAL): medinfo@example.com',
  pharmacovigilance: 'Report within 24 hours to Pharmacovigilance (FICTIONAL): safety@example.com',
  fictional: true,
};

const pack = parseRulePack(
  {
    id: 'slack-test',
    name: 'Slack builder tests',
    market: 'test',
    rules: [
      {
        id: 'TST-SUP-001',
        kind: 'lexicon',
        category: 'superlative',
        lang: 'en',
        severity: 'violation',
        action: 'remove',
        terms: ['the best'],
        message: { en: 'superlative claim', zh: '绝对化用语' },
        regulation: 'test',
        examples: { violating: ['Zorvex is the best statin.'], compliant: ['Zorvex is a statin.'] },
      },
      {
        id: 'TST-FB-001',
        kind: 'fair-balance',
        category: 'fair-balance',
        lang: 'any',
        severity: 'info',
        action: 'append',
        benefits: ['lowers LDL-C'],
        message: { en: 'a benefit claim', zh: '疗效陈述' },
        regulation: 'test',
        examples: { violating: ['Zorvex lowers LDL-C.'], compliant: ['Zorvex is a tablet.'] },
      },
    ],
  },
  'slack-test-pack',
);
if (!pack.ok) throw new Error(pack.error);

export const passThroughFilter = createComplianceFilter({ packs: [] });
export const testRulesFilter = createComplianceFilter({ packs: [pack.value], products: [ZORVEX] });

export const LABEL_CITATION: Citation = {
  n: 1,
  file: 'zorvex/zorvex-prescribing-information.pdf',
  title: 'ZORVEX (zorvastatin) Prescribing Information (FICTIONAL)',
  page: 1,
  section: '2 DOSAGE AND ADMINISTRATION › 2.2 Pediatric Patients',
  approvalCode: 'MLR-2025-0101',
  expiresOn: '2027-12-31',
  quote: 'The maximum recommended dosage in pediatric patients is 20 mg once daily.',
};

export const FAQ_CITATION: Citation = {
  n: 2,
  file: 'zorvex/faq.yaml',
  title: 'Zorvex approved FAQ (FICTIONAL)',
  page: null,
  section: 'What is the maximum daily dose of Zorvex?',
  approvalCode: 'MLR-2025-0105',
  expiresOn: '2027-06-30',
  quote: 'The maximum recommended dosage is 40 mg once daily in adults.',
};

export function body(overrides: Partial<ReplyBody> = {}): ReplyBody {
  return {
    kind: 'answer',
    question: 'max dose of zorvex for kids?',
    language: 'en',
    citations: [],
    route: null,
    routing: null,
    product: 'zorvex',
    notes: [],
    mode: 'extractive',
    auditId: null,
    ...overrides,
  };
}

/** A reply through the filter with no rules: the text as given. */
export function passed(text: string, overrides: Partial<ReplyBody> = {}): Promise<AnswerReply> {
  const b = body(overrides);
  return passThroughFilter.approve({ text, language: b.language, product: b.product ?? undefined }, b);
}

/** A reply through the test pack (superlative removed, safety summary appended on "lowers LDL-C"). */
export function filtered(text: string, overrides: Partial<ReplyBody> = {}): Promise<AnswerReply> {
  const b = body(overrides);
  return testRulesFilter.approve({ text, language: b.language, product: b.product ?? undefined }, b);
}
