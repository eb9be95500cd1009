import fs from 'node:fs';
import path from 'node:path';
import type { ProductCard } from '../../../src/knowledge/types.js';
import { type ComplianceFilter, type ComplianceFilterOptions, createComplianceFilter } from '../../../src/compliance/compliance-filter.js';
import { createInMemoryGroundingSource } from '../../../src/compliance/grounding.js';
import { loadRulePacks } from '../../../src/compliance/rule-packs.js';
import type { RulePack } from '../../../src/compliance/rule-schema.js';
import type { GroundingPassage } from '../../../src/compliance/types.js';

export const LABEL_DIR = path.resolve(import.meta.dirname, '../../../../shared/eval-data/fda-labels');
const ZH_EXCERPTS = path.resolve(import.meta.dirname, '../data/zh-label-excerpts.md');

/** Product cards for the three real labels in ../shared/eval-data (test fixtures, not shipped knowledge). */
export function testProducts(): ProductCard[] {
  const base = { medicalInformation: 'Medical Information: medinfo@example.com', pharmacovigilance: 'report within 24 hours to safety@example.com', fictional: false };
  return [
    {
      ...base,
      slug: 'lipitor',
      name: 'Lipitor',
      aliases: ['atorvastatin', 'atorvastatin calcium', '立普妥', '阿托伐他汀', '阿托伐他汀钙'],
      indications: [
        'Reduce the risk of myocardial infarction, stroke, revascularization procedures, and angina in adults with multiple risk factors for coronary heart disease',
        'Reduce the risk of myocardial infarction and stroke in adults with type 2 diabetes and multiple risk factors for coronary heart disease',
        'Adjunct to diet to reduce elevated total-C, LDL-C, apo B and TG levels and to increase HDL-C in adults with primary hypercholesterolemia and mixed dyslipidemia',
        'Adjunct to diet to reduce total-C, LDL-C and apo B in pediatric patients (boys and postmenarchal girls) 10 to 17 years of age with heterozygous familial hypercholesterolemia',
      ],
      competitors: ['Crestor', 'rosuvastatin', '可定', '瑞舒伐他汀', 'Zocor', '舒降之'],
      safetySummary: {
        en: 'Important Safety Information: LIPITOR is contraindicated in active liver disease, pregnancy and nursing. Myopathy and rhabdomyolysis can occur; check liver enzymes before starting. See the full Prescribing Information.',
        zh: '重要安全性信息：活动性肝病、妊娠及哺乳期妇女禁用。可能发生肌病和横纹肌溶解，用药前应检查肝功能。详见完整说明书。',
      },
    },
    {
      ...base,
      slug: 'humira',
      name: 'Humira',
      aliases: ['adalimumab', '修美乐', '阿达木单抗'],
      indications: [
        'Reducing signs and symptoms, inducing major clinical response, inhibiting the progression of structural damage, and improving physical function in adults with moderately to severely active rheumatoid arthritis',
        'Reducing signs and symptoms of moderately to severely active polyarticular juvenile idiopathic arthritis in pediatric patients 4 years of age and older',
        'Reducing signs and symptoms, inhibiting the progression of structural damage, and improving physical function in adults with active psoriatic arthritis',
        'Reducing signs and symptoms in adults with active ankylosing spondylitis',
        "Reducing signs and symptoms and inducing and maintaining clinical remission in adults with moderately to severely active Crohn's disease",
        'Inducing and sustaining clinical remission in adults with moderately to severely active ulcerative colitis',
        'Treatment of adults with moderate to severe chronic plaque psoriasis who are candidates for systemic therapy or phototherapy',
      ],
      competitors: ['Enbrel', 'etanercept', 'Remicade', '恩利', '依那西普', '类克'],
      safetySummary: {
        en: 'Important Safety Information: HUMIRA increases the risk of serious infections, including tuberculosis; lymphoma and other malignancies have been reported (boxed warning). See the full Prescribing Information.',
        zh: '重要安全性信息：修美乐会增加严重感染（包括结核）的风险，已有淋巴瘤及其他恶性肿瘤的报告（黑框警告）。详见完整说明书。',
      },
    },
    {
      ...base,
      slug: 'viagra',
      name: 'Viagra',
      aliases: ['sildenafil', 'sildenafil citrate', '万艾可', '西地那非', '枸橼酸西地那非'],
      indications: ['Treatment of erectile dysfunction in men'],
      competitors: ['Cialis', 'tadalafil', 'Levitra', 'vardenafil', '希爱力', '他达拉非', '艾力达'],
      safetySummary: {
        en: 'Important Safety Information: VIAGRA is contraindicated with nitrates and guanylate cyclase stimulators. Seek care for an erection lasting more than 4 hours or sudden loss of vision. See the full Prescribing Information.',
        zh: '重要安全性信息：正在使用硝酸酯类药物或鸟苷酸环化酶激动剂者禁用。勃起持续超过4小时或突然视力丧失应立即就医。详见完整说明书。',
      },
    },
  ];
}

/** Label text as approved passages: paragraphs of the real FDA labels plus the Chinese test excerpts. */
export function labelPassages(): GroundingPassage[] {
  const out: GroundingPassage[] = [];
  for (const [product, file] of [
    ['lipitor', 'lipitor_atorvastatin_spl_extracted.txt'],
    ['humira', 'humira_adalimumab_spl_extracted.txt'],
    ['viagra', 'viagra_sildenafil_spl_extracted.txt'],
  ] as const) {
    const text = fs.readFileSync(path.join(LABEL_DIR, file), 'utf8');
    paragraphs(text).forEach((p, i) => out.push({ id: `${product}#${i}`, text: p, approvalCode: `TEST-${product.toUpperCase()}-LABEL`, product }));
  }
  const zh = fs.readFileSync(ZH_EXCERPTS, 'utf8').split(/^## /m).slice(1);
  const slugs: Record<string, string> = { 立普妥: 'lipitor', 修美乐: 'humira', 万艾可: 'viagra' };
  for (const section of zh) {
    const product = Object.entries(slugs).find(([name]) => section.startsWith(name))?.[1];
    paragraphs(section).forEach((p, i) => out.push({ id: `zh-${product}#${i}`, text: p, approvalCode: 'TEST-ZH-EXCERPTS', ...(product ? { product } : {}) }));
  }
  return out;
}

function paragraphs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const block of text.split(/\n\s*\n/)) {
    const trimmed = block
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n')
      .trim();
    if (trimmed === '') continue;
    if (current.length + trimmed.length > 1200 && current !== '') {
      out.push(current);
      current = '';
    }
    current = current === '' ? trimmed : `${current}\n${trimmed}`;
  }
  if (current !== '') out.push(current);
  return out.flatMap((p) => (p.length > 2400 ? p.split(/\n/).filter((l) => l.trim() !== '') : [p]));
}

let packs: RulePack[] | undefined;

export function shippedPacks(): RulePack[] {
  if (!packs) {
    const loaded = loadRulePacks();
    if (!loaded.ok) throw new Error(loaded.error.join('\n'));
    packs = loaded.value;
  }
  return packs;
}

let grounding: ReturnType<typeof createInMemoryGroundingSource> | undefined;

export function labelGrounding() {
  grounding ??= createInMemoryGroundingSource(labelPassages());
  return grounding;
}

/** The shipped packs over the test products, grounded in the label passages. */
export function testFilter(options: Partial<ComplianceFilterOptions> = {}): ComplianceFilter {
  return createComplianceFilter({ packs: shippedPacks(), products: testProducts(), grounding: labelGrounding(), ...options });
}
