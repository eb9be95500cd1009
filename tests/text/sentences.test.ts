import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { FDA_DIR, hasFdaLabels } from '../helpers/fda-knowledge.js';

const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitSentences', () => {
  it('splits real label sentences without breaking on e.g., decimals or percentages', () => {
    // LIPITOR label, sections 2.4 and 6.1.
    const text =
      'The dosage of LIPITOR in patients with homozygous FH is 10 to 80 mg daily. LIPITOR should be used as an adjunct to other lipid-lowering treatments (e.g., LDL apheresis) in these patients or if such treatments are unavailable. ' +
      'In the LIPITOR placebo-controlled clinical trial database of 16,066 patients (8755 LIPITOR vs. 7311 placebo; age range 10–93 years, 39% women, 91% Caucasians, 3% Blacks, 2% Asians, 4% other) with a median treatment duration of 53 weeks, 9.7% of patients on LIPITOR and 9.5% of the patients on placebo discontinued due to adverse reactions regardless of causality.';
    expect(splitSentences(text)).toEqual([
      'The dosage of LIPITOR in patients with homozygous FH is 10 to 80 mg daily.',
      'LIPITOR should be used as an adjunct to other lipid-lowering treatments (e.g., LDL apheresis) in these patients or if such treatments are unavailable.',
      'In the LIPITOR placebo-controlled clinical trial database of 16,066 patients (8755 LIPITOR vs. 7311 placebo; age range 10–93 years, 39% women, 91% Caucasians, 3% Blacks, 2% Asians, 4% other) with a median treatment duration of 53 weeks, 9.7% of patients on LIPITOR and 9.5% of the patients on placebo discontinued due to adverse reactions regardless of causality.',
    ]);
  });

  it('keeps the HUMIRA storage paragraph in its five sentences', () => {
    const text =
      'Do not use beyond the expiration date on the container. HUMIRA must be refrigerated at 36°F to 46°F (2°C to 8°C). DO NOT FREEZE. Do not use if frozen even if it has been thawed. When traveling, store HUMIRA in a cool carrier with an ice pack.';
    expect(splitSentences(text)).toHaveLength(5);
    expect(splitSentences(text)[1]).toBe('HUMIRA must be refrigerated at 36°F to 46°F (2°C to 8°C).');
  });

  it('does not split after abbreviations, initials, section numbers or list markers', () => {
    expect(splitSentences('Seen vs. Placebo in trials. Dr. Smith reported it. See section 2.1 Dosage. Rates (≥2%) were low.')).toEqual([
      'Seen vs. Placebo in trials.',
      'Dr. Smith reported it.',
      'See section 2.1 Dosage.',
      'Rates (≥2%) were low.',
    ]);
    expect(splitSentences('i.e. Adults only. Initial U.S. Approval: 1996')).toEqual(['i.e. Adults only.', 'Initial U.S. Approval: 1996']);
    expect(splitSentences('Table 2. Adverse Reactions in Patients')).toEqual(['Table 2. Adverse Reactions in Patients']);
    expect(splitSentences('1. Wash your hands.')).toEqual(['1. Wash your hands.']);
  });

  it('ends a sentence at a unit when a new sentence follows, not when the sentence goes on', () => {
    expect(splitSentences('Take 2.5 mg. daily with water.')).toEqual(['Take 2.5 mg. daily with water.']);
    expect(splitSentences('The maximum dose is 80 mg. Patients should be monitored.')).toHaveLength(2);
  });

  it('splits Chinese on 。！？； and on half-width ? and ! after Chinese', () => {
    expect(splitSentences('修美乐应冷藏保存。请勿冷冻！可以和甲氨蝶呤一起用吗?不要摇晃；谢谢')).toEqual([
      '修美乐应冷藏保存。',
      '请勿冷冻！',
      '可以和甲氨蝶呤一起用吗?',
      '不要摇晃；',
      '谢谢',
    ]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(splitSentences('他说：“请冷藏。”然后离开了。')).toEqual(['他说：“请冷藏。”', '然后离开了。']);
    expect(splitSentences('Use it (as directed.) Then stop.')).toEqual(['Use it (as directed.)', 'Then stop.']);
  });

  it('treats list items and table rows as separate units', () => {
    const text = 'LIPITOR is indicated to:\nReduce the risk of MI\nReduce the risk of stroke\n| Dose | 40 mg |\n| Frequency | every other week |';
    expect(splitSentences(text)).toEqual([
      'LIPITOR is indicated to:',
      'Reduce the risk of MI',
      'Reduce the risk of stroke',
      '| Dose | 40 mg |',
      '| Frequency | every other week |',
    ]);
  });

  it('joins lines wrapped inside a sentence (PDF text), not list items', () => {
    expect(splitSentences('HUMIRA must be refrigerated at 36°F to\n46°F. Do not freeze the pen or\nsyringe.')).toEqual([
      'HUMIRA must be refrigerated at 36°F to 46°F.',
      'Do not freeze the pen or syringe.',
    ]);
    expect(splitSentences('Instructions for the\n1. Wash your hands.')).toEqual(['Instructions for the', '1. Wash your hands.']);
    expect(splitSentences('本品应在2°C至8°C冷藏保存，请勿冷冻，避光保存于原\n包装盒中。')).toEqual(['本品应在2°C至8°C冷藏保存，请勿冷冻，避光保存于原包装盒中。']);
  });

  it('keeps a cross-reference split over lines by label extraction in its sentence', () => {
    // LIPITOR label, section 2.5, as extracted from the SPL.
    const text =
      'Renal disease does not affect the plasma concentrations nor LDL-C reduction of LIPITOR; thus, dosage adjustment in patients with renal dysfunction is not necessary [see \n Warnings and Precautions, Skeletal Muscle (5.1), Clinical Pharmacology, Pharmacokinetics (12.3)\n].\n\nNext paragraph.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(/^Renal disease .* \[see Warnings and Precautions, .*\(12\.3\) \]\.$/);
  });

  it('covers the whole input, in order, on the real labels', () => {
    if (!hasFdaLabels()) return;
    for (const name of ['humira_adalimumab', 'lipitor_atorvastatin', 'viagra_sildenafil']) {
      const text = fs.readFileSync(path.join(FDA_DIR, `${name}_spl_extracted.txt`), 'utf8');
      const sentences = splitSentences(text);
      expect(squash(sentences.join(''))).toBe(squash(text));
      expect(sentences.every((s) => s === s.trim() && s !== '')).toBe(true);
      // A real label has thousands of sentences; none of them is a stray fragment like "e.g.".
      expect(sentences.length).toBeGreaterThan(500);
      expect(sentences.filter((s) => /^(e\.g\.|i\.e\.|vs\.)$/i.test(s))).toEqual([]);
    }
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences(' \n\t ')).toEqual([]);
  });

  it('joins a line wrapped before a product name in capitals or before a quantity', () => {
    const wrapped = [
      'In patients with severe renal impairment (CLcr less than 30 mL/min) not on hemodialysis, start',
      'ZORVEX at 10 mg once daily. After the loading dose, Calmira is given as 150 mg every',
      '2 weeks with a prefilled pen.',
      'DOSAGE FORMS AND STRENGTHS',
    ].join('\n');
    expect(splitSentences(wrapped)).toEqual([
      'In patients with severe renal impairment (CLcr less than 30 mL/min) not on hemodialysis, start ZORVEX at 10 mg once daily.',
      'After the loading dose, Calmira is given as 150 mg every 2 weeks with a prefilled pen.',
      'DOSAGE FORMS AND STRENGTHS',
    ]);
  });

  it('joins a long line cut before a few capitalised words that end the sentence, not before a new item', () => {
    const wrapped = [
      'Discuss only the indications, dosages and patient populations in the approved Prescribing',
      'Information. Do not start a discussion about an off-label use.',
      'Patients with active liver disease, which may include unexplained persistent elevations in',
      'hepatic transaminase levels',
      'Pregnancy',
    ].join('\n');
    expect(splitSentences(wrapped)).toEqual([
      'Discuss only the indications, dosages and patient populations in the approved Prescribing Information.',
      'Do not start a discussion about an off-label use.',
      'Patients with active liver disease, which may include unexplained persistent elevations in hepatic transaminase levels',
      'Pregnancy',
    ]);
  });
});

describe('a period after a closing bracket', () => {
  it('ends the sentence when a capital follows (cross-references in labels), as "e.g." inside brackets does not', () => {
    expect(splitSentences('Monitor patients closely [see Warnings and Precautions (5.1) and Adverse Reactions (6.1)]. MALIGNANCY Lymphoma and other malignancies, some fatal, have been reported.')).toEqual([
      'Monitor patients closely [see Warnings and Precautions (5.1) and Adverse Reactions (6.1)].',
      'MALIGNANCY Lymphoma and other malignancies, some fatal, have been reported.',
    ]);
    expect(splitSentences('Use caution (e.g., in the elderly). Store at 25°C.')).toEqual(['Use caution (e.g., in the elderly).', 'Store at 25°C.']);
    expect(splitSentences('Take it with food (see 2.1). Do not crush.')).toEqual(['Take it with food (see 2.1).', 'Do not crush.']);
  });
});

describe('list items run together on one line', () => {
  it('splits at a hyphen item after a sentence end and at an inline bullet, not at a dash inside a sentence', () => {
    expect(splitSentences('Increases in HbA1c have been reported with statins. - The most common adverse reactions were nasopharyngitis.')).toEqual([
      'Increases in HbA1c have been reported with statins.',
      '- The most common adverse reactions were nasopharyngitis.',
    ]);
    expect(splitSentences('Other drug interactions • Coumarin anticoagulants: monitor the INR.')).toEqual(['Other drug interactions', '• Coumarin anticoagulants: monitor the INR.']);
    expect(splitSentences('Take 10 mg - or 20 mg in HeFH - once daily.')).toEqual(['Take 10 mg - or 20 mg in HeFH - once daily.']);
  });
});
