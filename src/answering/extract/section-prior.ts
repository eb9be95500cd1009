import { memoized } from '../../core/memo.js';

/**
 * How likely a label section is to hold what a field rep asks, by its heading: the animal
 * toxicology and the patient leaflet rarely answer an HCP's question, the dosage,
 * contraindication, warning and interaction sections often do. Headings follow the US
 * Prescribing Information and its Chinese equivalent; unknown headings are neutral.
 */
const PRIORS: ReadonlyArray<[RegExp, number]> = [
  [/nonclinical toxicology|carcinogenesis|animal (?:toxicology|data|pharmacology)|mutagenesis|impairment of fertility|非临床毒理|致癌|动物/i, -0.15],
  [/\breferences\b|\bdescription\b|package label|principal display|参考文献|性状/i, -0.1],
  [/patient information|medication guide|medguide|instructions for use|patient counseling|患者须知|用药指导/i, -0.05],
  [/dosage and administration|contraindications|warnings and precautions|boxed warning|drug interactions|adverse reactions|use in specific populations|how supplied|storage|用法用量|禁忌|警告|注意事项|药物相互作用|不良反应|特殊人群|贮藏/i, 0.04],
];

export function sectionPrior(section: string | null): number {
  return section ? priorOf(section) : 0;
}

// The same headings come back for every candidate sentence of a passage.
const priorOf = memoized((section: string): number => {
  // The most specific part of the path decides ("12 CLINICAL PHARMACOLOGY › 12.3 Pharmacokinetics").
  for (const part of section.split('›').reverse()) {
    for (const [re, prior] of PRIORS) if (re.test(part)) return prior;
  }
  return 0;
}, 5_000);
