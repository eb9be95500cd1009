/**
 * Generates the binary sample documents of the bundled knowledge folder, deterministically:
 *
 *   knowledge/zorvex/zorvex-prescribing-information.pdf
 *   knowledge/calmira/calmira-prescribing-information.pdf
 *   knowledge/zorvex/zorvex-dosing-guide.docx
 *
 * Run with `npx tsx scripts/make-sample-pdfs.ts` (or `npm run sample-pdfs`). Everything is
 * FICTIONAL: Zorvex (zorvastatin) and Calmira (calmirumab) are invented products for testing
 * repbot; no sentence here is medical information.
 *
 * The approval code and title printed on each page are read from the document's sidecar
 * (`<file>.meta.yaml`), which medical affairs maintain by hand, so the two never disagree.
 * Output is byte-stable: fixed creation dates, fixed clock while the DOCX is zipped, UTC.
 *
 * The PDFs use the PDF standard font Helvetica (WinAnsi encoding), so their text extracts with
 * any PDF text extractor. No Chinese PDF is generated: that needs an embedded CJK font, and
 * none is installed on the build machines (`fc-list :lang=zh` is empty) — the Chinese label
 * summaries ship as Markdown instead.
 */
process.env.TZ = 'UTC';

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import { parse as parseYaml } from 'yaml';

const KNOWLEDGE = fileURLToPath(new URL('../knowledge/', import.meta.url));
const FICTIONAL_LINE = 'FICTIONAL SAMPLE — not a real medicine, not medical information';

// ─── Document model ──────────────────────────────────────────────────────────────────────

interface Column {
  header: string;
  /** Share of the text width (the shares of a table add up to 1). */
  width: number;
  align?: 'left' | 'center';
}

type Block =
  | { kind: 'section'; text: string }
  | { kind: 'subsection'; text: string }
  | { kind: 'para'; text: string; bold?: boolean }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; caption: string; columns: Column[]; rows: string[][]; notes?: string[] }
  | { kind: 'notice'; lines: string[] };

interface PdfSpec {
  /** Path inside knowledge/. */
  file: string;
  title: string;
  subtitle: string;
  runningHead: string;
  /** Fixed creation date: the PDF must be byte-identical on every run. */
  created: string;
  pageRange: [number, number];
  blocks: Block[];
}

interface SidecarMeta {
  title: string;
  approvalCode: string;
}

const section = (text: string): Block => ({ kind: 'section', text });
const sub = (text: string): Block => ({ kind: 'subsection', text });
const para = (text: string): Block => ({ kind: 'para', text });
const bold = (text: string): Block => ({ kind: 'para', text, bold: true });
const bullets = (...items: string[]): Block => ({ kind: 'bullets', items });

// ─── ZORVEX (zorvastatin) — FICTIONAL ────────────────────────────────────────────────────

const zorvexPi: PdfSpec = {
  file: 'zorvex/zorvex-prescribing-information.pdf',
  title: 'ZORVEX (zorvastatin) tablets, for oral use',
  subtitle: 'FULL PRESCRIBING INFORMATION (FICTIONAL)',
  runningHead: 'ZORVEX (zorvastatin) tablets — Prescribing Information (FICTIONAL)',
  created: '2025-02-10T00:00:00Z',
  pageRange: [5, 7],
  blocks: [
    {
      kind: 'notice',
      lines: [
        FICTIONAL_LINE + '.',
        'ZORVEX and zorvastatin are invented for testing the repbot software. Any resemblance to a real product is coincidental. Do not use this document to make any treatment decision.',
        'Initial approval (fictional): 2025. Revised: 02/2025. Marketed by Fictional Pharma Co. (FICTIONAL).',
      ],
    },

    section('1 INDICATIONS AND USAGE'),
    para('ZORVEX is an HMG-CoA reductase inhibitor (statin) indicated:'),
    bullets(
      'As an adjunct to diet to reduce low-density lipoprotein cholesterol (LDL-C) in adults with primary hyperlipidemia.',
      'As an adjunct to diet to reduce LDL-C in pediatric patients aged 10 to 17 years with heterozygous familial hypercholesterolemia (HeFH).',
    ),
    bold('Limitations of Use'),
    bullets(
      'The effect of ZORVEX on cardiovascular morbidity and mortality has not been determined.',
      'ZORVEX has not been studied in patients with homozygous familial hypercholesterolemia (HoFH) or in patients whose primary lipid abnormality is elevated triglycerides (Fredrickson Types I, IV and V).',
    ),

    section('2 DOSAGE AND ADMINISTRATION'),
    sub('2.1 Recommended Dosage in Adults'),
    bullets(
      'Take ZORVEX orally once daily, at any time of day, with or without food. Swallow tablets whole.',
      'The recommended starting dosage is 10 mg once daily. The dosage range is 10 mg to 40 mg once daily.',
      'The maximum recommended dosage is 40 mg once daily. Dosages higher than 40 mg once daily are not recommended.',
      'Assess LDL-C 4 to 12 weeks after initiating ZORVEX or after any dosage change, and adjust the dosage if needed. Increase the dosage in steps (10 mg, then 20 mg, then 40 mg) at intervals of at least 4 weeks.',
      'If a dose is missed, take it as soon as remembered on the same day. If more than 12 hours have passed since the missed dose was due, skip the missed dose and take the next dose at the usual time. Do not take two doses at once.',
    ),
    sub('2.2 Recommended Dosage in Pediatric Patients Aged 10 to 17 Years with HeFH'),
    bullets(
      'The recommended starting dosage is 10 mg once daily.',
      'The maximum recommended dosage in pediatric patients is 20 mg once daily. Adjust the dosage at intervals of at least 4 weeks.',
      'Safety and effectiveness have not been established in pediatric patients younger than 10 years of age or for pediatric indications other than HeFH [see Use in Specific Populations (8.4)].',
    ),
    sub('2.3 Dosage Modifications for Drug Interactions'),
    para('Concomitant use of ZORVEX with the following drugs increases zorvastatin exposure and the risk of myopathy and rhabdomyolysis [see Warnings and Precautions (5.1) and Drug Interactions (7)]:'),
    bullets(
      'Strong CYP3A4 inhibitors (e.g., clarithromycin, itraconazole, ketoconazole): do not exceed ZORVEX 10 mg once daily. For a short course of a strong CYP3A4 inhibitor, such as clarithromycin for an acute infection, consider interrupting ZORVEX for the duration of the course.',
      'Cyclosporine: avoid concomitant use of ZORVEX with cyclosporine.',
      'Gemfibrozil: avoid concomitant use of ZORVEX with gemfibrozil.',
    ),
    sub('2.4 Dosage in Patients with Severe Renal Impairment'),
    bullets(
      'In patients with severe renal impairment (creatinine clearance [CLcr] less than 30 mL/min) not on hemodialysis, start ZORVEX at 10 mg once daily and do not exceed 20 mg once daily [see Use in Specific Populations (8.7)].',
      'No dosage adjustment is needed in patients with mild or moderate renal impairment.',
    ),

    section('3 DOSAGE FORMS AND STRENGTHS'),
    para('Tablets: 10 mg, white, round, film-coated, debossed with "ZX" on one side and "10" on the other side; 20 mg, pale yellow, round, film-coated, debossed with "ZX" and "20"; 40 mg, yellow, oval, film-coated, debossed with "ZX" and "40".'),

    section('4 CONTRAINDICATIONS'),
    para('ZORVEX is contraindicated in the following conditions:'),
    bullets(
      'Active liver disease, which may include unexplained persistent elevations of hepatic transaminase levels [see Warnings and Precautions (5.3)].',
      'Pregnancy [see Use in Specific Populations (8.1)].',
      'Breastfeeding (lactation) [see Use in Specific Populations (8.2)].',
      'Hypersensitivity to zorvastatin or to any excipient of ZORVEX. Hypersensitivity reactions, including rash, urticaria and angioedema, have been reported.',
    ),

    section('5 WARNINGS AND PRECAUTIONS'),
    sub('5.1 Myopathy and Rhabdomyolysis'),
    para('ZORVEX may cause myopathy (muscle pain, tenderness or weakness associated with elevated creatine kinase [CK]) and rhabdomyolysis (with or without acute kidney injury secondary to myoglobinuria). Rare fatalities from rhabdomyolysis have occurred with drugs of this class. In the ZORVEX clinical program, CK elevations greater than 10 times the upper limit of normal (ULN) occurred in 0.2% of ZORVEX-treated patients and 0.1% of placebo-treated patients; no case of rhabdomyolysis was reported among the 2,214 ZORVEX-treated patients.'),
    para('Risk factors for myopathy include age 65 years or older, uncontrolled hypothyroidism, renal impairment, higher ZORVEX dosage, and concomitant use with strong CYP3A4 inhibitors, cyclosporine, gemfibrozil, other fibrates, niacin (1 g/day or more) or colchicine. Do not exceed 10 mg once daily with strong CYP3A4 inhibitors; avoid use with cyclosporine or gemfibrozil [see Dosage and Administration (2.3)].'),
    para('Discontinue ZORVEX if markedly elevated CK levels occur or if myopathy is diagnosed or suspected. Muscle symptoms and CK elevations may resolve after ZORVEX is discontinued. Temporarily discontinue ZORVEX in patients experiencing an acute or serious condition at high risk of developing renal failure secondary to rhabdomyolysis (e.g., sepsis, shock, severe hypovolemia, major surgery, trauma, severe metabolic, endocrine or electrolyte disorders, or uncontrolled epilepsy). Inform patients of the risk of myopathy and rhabdomyolysis and instruct them to promptly report unexplained muscle pain, tenderness or weakness, particularly if accompanied by malaise or fever.'),
    sub('5.2 Immune-Mediated Necrotizing Myopathy'),
    para('There have been rare reports of immune-mediated necrotizing myopathy (IMNM), an autoimmune myopathy, associated with statin use. IMNM is characterized by proximal muscle weakness and elevated CK that persist despite discontinuation of the statin, positive anti-HMG-CoA reductase antibody, and muscle biopsy showing necrotizing myopathy. Additional neuromuscular and serologic testing may be necessary, and treatment with immunosuppressive agents may be required. Discontinue ZORVEX if IMNM is suspected.'),
    sub('5.3 Hepatic Dysfunction'),
    para('Increases in serum transaminases have been reported with ZORVEX. Persistent elevations of alanine aminotransferase (ALT) or aspartate aminotransferase (AST) greater than 3 times ULN (on two consecutive measurements) occurred in 0.6% of ZORVEX-treated patients and 0.2% of placebo-treated patients in clinical trials; they were generally asymptomatic and reversible after discontinuation. Patients who consume substantial quantities of alcohol or have a history of liver disease may be at increased risk of hepatic injury.'),
    para('Measure liver enzymes before initiating ZORVEX and when clinically indicated. If serious hepatic injury with clinical symptoms and/or hyperbilirubinemia or jaundice occurs during treatment, promptly discontinue ZORVEX. ZORVEX is contraindicated in patients with active liver disease.'),
    sub('5.4 Increases in HbA1c and Fasting Serum Glucose Levels'),
    para('Increases in HbA1c and fasting serum glucose levels have been reported with statins, including ZORVEX. Optimize lifestyle measures, including regular exercise, maintaining a healthy body weight and making healthy food choices.'),

    section('6 ADVERSE REACTIONS'),
    para('The following important adverse reactions are described elsewhere in the labeling: Myopathy and Rhabdomyolysis (5.1); Immune-Mediated Necrotizing Myopathy (5.2); Hepatic Dysfunction (5.3); Increases in HbA1c and Fasting Serum Glucose Levels (5.4).'),
    sub('6.1 Clinical Trials Experience'),
    para('Because clinical trials are conducted under widely varying conditions, adverse reaction rates observed in the clinical trials of a drug cannot be directly compared to rates in the clinical trials of another drug and may not reflect the rates observed in practice.'),
    para('The data below reflect exposure to ZORVEX in 2,214 adults with primary hyperlipidemia in three 12-week placebo-controlled trials (ZORA-1, ZORA-2 and ZORA-3): 1,106 patients received ZORVEX 10 mg once daily, 554 received 20 mg and 554 received 40 mg. The mean age was 58 years (range 21 to 84 years); 49% were women, 72% White, 16% Asian, 9% Black and 3% other races; 31% were 65 years of age or older. Table 1 presents adverse reactions that occurred in at least 2% of patients treated with ZORVEX 10 mg and more often than with placebo in the pooled ZORA-1 and ZORA-2 trials.'),
    {
      kind: 'table',
      caption: 'Table 1: Adverse Reactions Occurring in at Least 2% of Patients Treated with ZORVEX 10 mg and More Often than Placebo (Pooled 12-Week Trials ZORA-1 and ZORA-2)',
      columns: [
        { header: 'Adverse Reaction', width: 0.5 },
        { header: 'ZORVEX 10 mg %\n(N=1,106)', width: 0.25, align: 'center' },
        { header: 'Placebo %\n(N=1,102)', width: 0.25, align: 'center' },
      ],
      rows: [
        ['Nasopharyngitis', '8.1', '6.9'],
        ['Arthralgia', '6.0', '4.8'],
        ['Diarrhea', '5.2', '4.1'],
        ['Myalgia', '4.4', '2.9'],
        ['Pain in extremity', '3.6', '2.8'],
        ['Urinary tract infection', '3.1', '2.4'],
        ['Nausea', '2.7', '2.2'],
        ['Dyspepsia', '2.3', '1.6'],
        ['Insomnia', '2.1', '1.5'],
      ],
    },
    para('Adverse reactions in patients receiving ZORVEX 20 mg and 40 mg in ZORA-3 were similar in type to those seen with 10 mg. Myalgia was reported more often at higher dosages: in 4.9% of patients receiving 20 mg and 5.8% of patients receiving 40 mg.'),
    para('Adverse reactions led to discontinuation in 3.9% of patients receiving ZORVEX 10 mg and 3.1% of patients receiving placebo. The most common adverse reactions leading to discontinuation were myalgia (1.0% vs 0.4% for placebo) and nausea (0.5% vs 0.3%).'),
    para('Laboratory abnormalities: persistent ALT or AST elevations greater than 3 times ULN occurred in 0.6% of ZORVEX-treated patients vs 0.2% with placebo; CK elevations greater than 10 times ULN occurred in 0.2% vs 0.1%.'),
    para('Pediatric patients: in the 12-week ZORA-Peds trial in 176 patients aged 10 to 17 years with HeFH, the safety profile of ZORVEX 10 mg to 20 mg was similar to that in adults. The most common adverse reactions were nasopharyngitis (7.9%) and headache (5.6%).'),
    sub('6.2 Postmarketing Experience'),
    para('The following adverse reactions have been identified during post-approval use of HMG-CoA reductase inhibitors. Because these reactions are reported voluntarily from a population of uncertain size, it is not always possible to reliably estimate their frequency or establish a causal relationship to drug exposure: pancreatitis, hepatitis, peripheral neuropathy, depression, and rare reports of cognitive impairment (e.g., memory loss, forgetfulness, confusion) that were generally non-serious and reversible upon statin discontinuation.'),

    section('7 DRUG INTERACTIONS'),
    para('Zorvastatin is a substrate of cytochrome P450 3A4 (CYP3A4) and of the hepatic uptake transporter OATP1B1. Drugs that inhibit these pathways increase zorvastatin plasma exposure and the risk of myopathy and rhabdomyolysis. Table 2 lists drugs that increase the risk of myopathy and rhabdomyolysis when used with ZORVEX and the recommended actions.'),
    {
      kind: 'table',
      caption: 'Table 2: Drug Interactions That Increase the Risk of Myopathy and Rhabdomyolysis with ZORVEX',
      columns: [
        { header: 'Concomitant Drug or Drug Class', width: 0.36 },
        { header: 'Effect on Zorvastatin Exposure', width: 0.26 },
        { header: 'Clinical Recommendation', width: 0.38 },
      ],
      rows: [
        ['Strong CYP3A4 inhibitors (e.g., clarithromycin, itraconazole, ketoconazole)', 'AUC increased up to 3.4-fold (itraconazole)', 'Do not exceed ZORVEX 10 mg once daily.'],
        ['Cyclosporine', 'AUC increased 6.1-fold', 'Avoid concomitant use.'],
        ['Gemfibrozil', 'AUC increased 2.2-fold', 'Avoid concomitant use.'],
        ['Other fibrates; niacin (1 g/day or more); colchicine', 'No relevant change (additive muscle effects)', 'Consider the benefit and risk; monitor for myopathy.'],
        ['Grapefruit juice (more than 1.2 liters daily)', 'AUC increased about 1.5-fold', 'Avoid large quantities of grapefruit juice.'],
      ],
    },
    bold('Other drug interactions'),
    bullets(
      'Coumarin anticoagulants (e.g., warfarin): ZORVEX 40 mg slightly increased the INR. Measure the INR before starting ZORVEX and frequently during early therapy.',
      'Oral contraceptives: ZORVEX increased ethinyl estradiol exposure by about 20%. Consider this when selecting an oral contraceptive.',
      'Digoxin: no clinically relevant interaction was observed.',
    ),

    section('8 USE IN SPECIFIC POPULATIONS'),
    sub('8.1 Pregnancy'),
    para('ZORVEX is contraindicated in pregnancy. Because statins decrease cholesterol synthesis and possibly the synthesis of other biologically active substances derived from cholesterol, ZORVEX may cause fetal harm when administered to a pregnant woman. Discontinue ZORVEX as soon as pregnancy is recognized. Available data from clinical trials are insufficient to determine a drug-associated risk of major birth defects or miscarriage. In animal reproduction studies, zorvastatin caused skeletal malformations in rats at exposures 12 times the human exposure at 40 mg/day. Advise females of reproductive potential to use effective contraception during treatment with ZORVEX.'),
    sub('8.2 Lactation'),
    para('ZORVEX is contraindicated during breastfeeding. There is no information about the presence of zorvastatin in human milk, the effects on the breastfed infant or the effects on milk production; zorvastatin is present in the milk of lactating rats. Because of the potential for serious adverse reactions in a breastfed infant, advise women not to breastfeed during treatment with ZORVEX.'),
    sub('8.4 Pediatric Use'),
    para('The safety and effectiveness of ZORVEX as an adjunct to diet to reduce LDL-C have been established in pediatric patients aged 10 to 17 years with HeFH. Use in this population is supported by the ZORA-Peds trial in 176 patients (boys, and girls who were at least 1 year post-menarche): a 12-week randomized, double-blind, placebo-controlled phase followed by a 40-week open-label phase with ZORVEX 10 mg to 20 mg once daily [see Clinical Studies (14.2)]. No detectable effect on growth or sexual maturation was observed over 52 weeks; the long-term effects of ZORVEX on growth, development and maturation have not been established. The maximum recommended dosage in pediatric patients is 20 mg once daily.'),
    para('The safety and effectiveness of ZORVEX have not been established in pediatric patients younger than 10 years of age with HeFH or in pediatric patients with other types of hyperlipidemia.'),
    sub('8.5 Geriatric Use'),
    para('Of the 2,214 ZORVEX-treated patients in clinical trials, 686 (31%) were 65 years of age and older and 155 (7%) were 75 years of age and older. No overall differences in safety or effectiveness were observed between these patients and younger adults. Advanced age (65 years or older) is a risk factor for myopathy and rhabdomyolysis; use ZORVEX with caution in this population and monitor for muscle symptoms.'),
    sub('8.6 Hepatic Impairment'),
    para('ZORVEX is contraindicated in patients with active liver disease, including unexplained persistent elevations of hepatic transaminase levels. In subjects with mild hepatic impairment (Child-Pugh A), zorvastatin AUC was increased 1.6-fold. ZORVEX has not been studied in moderate or severe hepatic impairment (Child-Pugh B or C). Use ZORVEX with caution in patients with a history of liver disease or heavy alcohol use.'),
    sub('8.7 Renal Impairment'),
    para('In subjects with severe renal impairment (CLcr less than 30 mL/min) not on hemodialysis, zorvastatin AUC was increased 2.0-fold. In these patients, start ZORVEX at 10 mg once daily and do not exceed 20 mg once daily. No dosage adjustment is needed for mild or moderate renal impairment. ZORVEX has not been studied in patients on hemodialysis. Renal impairment is a risk factor for myopathy and rhabdomyolysis.'),

    section('10 OVERDOSAGE'),
    para('There is no specific treatment for ZORVEX overdosage. In the event of an overdose, treat the patient symptomatically and institute supportive measures as required. Single doses of up to 160 mg were given to healthy volunteers in a Phase 1 study without dose-limiting toxicity. Because zorvastatin is about 95% bound to plasma proteins, hemodialysis is not expected to significantly enhance its clearance. Consider contacting a poison control center for overdosage management recommendations.'),

    section('12 CLINICAL PHARMACOLOGY'),
    sub('12.1 Mechanism of Action'),
    para('Zorvastatin is a selective, competitive inhibitor of HMG-CoA reductase, the rate-limiting enzyme that converts 3-hydroxy-3-methylglutaryl coenzyme A to mevalonate, a precursor of cholesterol. Zorvastatin lowers hepatic cholesterol synthesis and increases the number of hepatic LDL receptors, which enhances uptake and catabolism of LDL.'),
    sub('12.3 Pharmacokinetics'),
    para('Peak plasma concentrations occur 2 to 3 hours after an oral dose; absolute bioavailability is about 20%, and food has no clinically significant effect. Zorvastatin is about 95% bound to plasma proteins, is metabolized mainly by CYP3A4 to inactive metabolites, and has an elimination half-life of about 19 hours. About 85% of a dose is excreted in feces; less than 5% is excreted unchanged in urine.'),

    section('14 CLINICAL STUDIES'),
    sub('14.1 Adults with Primary Hyperlipidemia'),
    para('ZORA-1 and ZORA-2 were two identically designed, randomized, double-blind, placebo-controlled, 12-week trials in 2,208 adults with primary hyperlipidemia (mean baseline LDL-C 162 mg/dL [4.2 mmol/L]). Patients were randomized 1:1 to ZORVEX 10 mg once daily (N=1,106) or placebo (N=1,102). The primary endpoint was the mean percent change in LDL-C from baseline to Week 12. ZORA-3 was a 12-week randomized, double-blind, placebo-controlled trial in 1,384 adults comparing ZORVEX 20 mg (N=554), ZORVEX 40 mg (N=554) and placebo (N=276).'),
    para('In the pooled ZORA-1 and ZORA-2 trials, ZORVEX 10 mg lowered LDL-C by 39% compared with 2% for placebo at Week 12 (treatment difference -37 percentage points; 95% CI -39 to -35; p<0.001). The LDL-C reduction was evident by Week 4 and was maintained through Week 12. At Week 12, 64% of patients receiving ZORVEX 10 mg had an LDL-C below 100 mg/dL (2.6 mmol/L), compared with 11% of patients receiving placebo. In ZORA-3, ZORVEX 20 mg and 40 mg lowered LDL-C by 45% and 51%, respectively, compared with 1% for placebo.'),
    {
      kind: 'table',
      caption: 'Table 3: Mean Percent Change in Lipid Parameters from Baseline to Week 12',
      columns: [
        { header: 'Trial and Treatment', width: 0.34 },
        { header: 'N', width: 0.12, align: 'center' },
        { header: 'LDL-C %', width: 0.135, align: 'center' },
        { header: 'Total-C %', width: 0.135, align: 'center' },
        { header: 'TG %', width: 0.135, align: 'center' },
        { header: 'HDL-C %', width: 0.135, align: 'center' },
      ],
      rows: [
        ['ZORA-1/ZORA-2: ZORVEX 10 mg', '1,106', '-39', '-28', '-17', '+6'],
        ['ZORA-1/ZORA-2: Placebo', '1,102', '-2', '-1', '-3', '+1'],
        ['ZORA-3: ZORVEX 20 mg', '554', '-45', '-32', '-20', '+7'],
        ['ZORA-3: ZORVEX 40 mg', '554', '-51', '-37', '-24', '+8'],
        ['ZORA-3: Placebo', '276', '-1', '0', '-2', '+1'],
      ],
      notes: ['Total-C = total cholesterol; TG = triglycerides (median percent change); HDL-C = high-density lipoprotein cholesterol.'],
    },
    sub('14.2 Pediatric Patients with Heterozygous Familial Hypercholesterolemia'),
    para('ZORA-Peds was a randomized, double-blind, placebo-controlled 12-week trial followed by a 40-week open-label phase in 176 patients aged 10 to 17 years with HeFH (mean baseline LDL-C 221 mg/dL [5.7 mmol/L]). Patients were randomized 2:1 to ZORVEX (N=117; 10 mg once daily, increased to 20 mg at Week 6 if LDL-C was 130 mg/dL or higher) or placebo (N=59). At Week 12, ZORVEX reduced LDL-C by 34% compared with 1% for placebo.'),

    section('16 HOW SUPPLIED/STORAGE AND HANDLING'),
    para('ZORVEX tablets are supplied as follows (fictional product codes):'),
    bullets(
      '10 mg tablets: bottles of 30 (ZVX-10-30) and bottles of 90 (ZVX-10-90).',
      '20 mg tablets: bottles of 30 (ZVX-20-30) and bottles of 90 (ZVX-20-90).',
      '40 mg tablets: bottles of 30 (ZVX-40-30) and bottles of 90 (ZVX-40-90).',
    ),
    para('Storage: Store at 20°C to 25°C (68°F to 77°F); excursions permitted between 15°C and 30°C (59°F and 86°F). Store in the original bottle and keep the bottle tightly closed to protect from moisture. Do not remove the desiccant. Keep out of the reach of children.'),

    section('17 PATIENT COUNSELING INFORMATION'),
    bullets(
      'Myopathy and rhabdomyolysis: advise patients to promptly report unexplained muscle pain, tenderness or weakness, particularly if accompanied by malaise or fever, and to tell all of their healthcare providers that they take ZORVEX, including before starting any new medicine (for example clarithromycin or itraconazole), over-the-counter product or herbal supplement, and to avoid large quantities of grapefruit juice.',
      'Hepatic dysfunction: advise patients to promptly report fatigue, anorexia, right upper abdominal discomfort, dark urine or jaundice.',
      'Pregnancy: advise females of reproductive potential to use effective contraception, to tell their healthcare provider about a known or suspected pregnancy, and to stop taking ZORVEX if they become pregnant.',
      'Lactation: advise women not to breastfeed during treatment with ZORVEX.',
      'Missed dose: take a missed dose as soon as remembered on the same day; if more than 12 hours have passed, skip it and take the next dose at the usual time. Do not take two doses at once.',
      'Increases in HbA1c and fasting serum glucose: inform patients that these may occur and encourage lifestyle measures.',
    ),
    para('To report SUSPECTED ADVERSE REACTIONS, contact Fictional Pharma Co. Pharmacovigilance at safety@example.com or +1-555-0100 (FICTIONAL). Company employees must report any adverse event they become aware of within 24 hours. For medical questions, contact Medical Information at medinfo@example.com or +1-555-0199 (FICTIONAL).'),
  ],
};

// ─── CALMIRA (calmirumab) — FICTIONAL ────────────────────────────────────────────────────

const calmiraPi: PdfSpec = {
  file: 'calmira/calmira-prescribing-information.pdf',
  title: 'CALMIRA (calmirumab) injection, for subcutaneous use',
  subtitle: 'FULL PRESCRIBING INFORMATION (FICTIONAL)',
  runningHead: 'CALMIRA (calmirumab) injection — Prescribing Information (FICTIONAL)',
  created: '2025-03-03T00:00:00Z',
  pageRange: [5, 7],
  blocks: [
    {
      kind: 'notice',
      lines: [
        FICTIONAL_LINE + '.',
        'CALMIRA and calmirumab are invented for testing the repbot software. Any resemblance to a real product is coincidental. Do not use this document to make any treatment decision.',
        'Initial approval (fictional): 2025. Revised: 03/2025. Marketed by Fictional Pharma Co. (FICTIONAL).',
      ],
    },

    section('1 INDICATIONS AND USAGE'),
    para('CALMIRA is a human interleukin-23 (IL-23) antagonist indicated for:'),
    sub('1.1 Plaque Psoriasis'),
    para('The treatment of moderate-to-severe plaque psoriasis in adults who are candidates for systemic therapy or phototherapy.'),
    sub('1.2 Psoriatic Arthritis'),
    para('The treatment of adults with active psoriatic arthritis.'),
    bold('Limitations of Use'),
    bullets(
      'CALMIRA is not approved for use in pediatric patients. The safety and effectiveness of CALMIRA in pediatric patients (younger than 18 years of age) have not been established.',
      'The effect of CALMIRA on the progression of structural joint damage in psoriatic arthritis has not been established.',
    ),

    section('2 DOSAGE AND ADMINISTRATION'),
    sub('2.1 Evaluations Before Starting CALMIRA'),
    bullets(
      'Evaluate patients for tuberculosis (TB) infection before initiating treatment with CALMIRA [see Warnings and Precautions (5.2)].',
      'Complete all age-appropriate vaccinations according to current immunization guidelines before starting CALMIRA [see Warnings and Precautions (5.4)].',
    ),
    sub('2.2 Recommended Dosage'),
    para('Plaque psoriasis and psoriatic arthritis: the recommended dosage is a 300 mg loading dose (two 150 mg subcutaneous injections) at Week 0, followed by 150 mg by subcutaneous injection every 2 weeks starting at Week 2.'),
    bullets(
      'Each 150 mg dose is given as one injection with one 150 mg/mL single-dose prefilled pen.',
      'For psoriatic arthritis, CALMIRA may be administered alone or in combination with a conventional disease-modifying antirheumatic drug (DMARD), such as methotrexate.',
      'Consider discontinuing treatment in patients who have shown no response after 16 weeks of treatment.',
    ),
    sub('2.3 Pediatric Patients'),
    para('CALMIRA is not approved for use in pediatric patients. The safety and effectiveness of CALMIRA in pediatric patients (younger than 18 years of age) have not been established, and no pediatric dosage is recommended.'),
    sub('2.4 Important Administration Instructions'),
    bullets(
      'CALMIRA is for subcutaneous use only. It is intended for use under the guidance and supervision of a healthcare provider. Patients may self-inject after proper training in subcutaneous injection technique.',
      'Before injecting, remove the prefilled pen from the refrigerator and allow it to reach room temperature for 30 minutes, without removing the cap. Do not shake the pen.',
      'Inspect the solution visually before use. It should be clear to slightly opalescent and colorless to slightly yellow. Do not use the pen if the liquid is cloudy or discolored or contains particles.',
      'Inject into the front of the thighs or the abdomen (except the 5 cm [2 inches] around the navel); a caregiver or healthcare provider may also inject into the outer upper arm. Rotate injection sites. Do not inject into skin that is tender, bruised, red, hard or affected by psoriasis.',
      'For the 300 mg loading dose, give the two 150 mg injections at different injection sites.',
    ),
    sub('2.5 Missed Dose'),
    para('If a dose is missed, administer the dose as soon as possible. Thereafter, resume dosing every 2 weeks at the regularly scheduled time.'),

    section('3 DOSAGE FORMS AND STRENGTHS'),
    para('Injection: 150 mg/mL clear to slightly opalescent, colorless to slightly yellow solution in a single-dose prefilled pen.'),

    section('4 CONTRAINDICATIONS'),
    para('CALMIRA is contraindicated in patients with:'),
    bullets(
      'An active serious infection, including active tuberculosis [see Warnings and Precautions (5.1, 5.2)].',
      'A history of serious hypersensitivity reaction to calmirumab or to any of the excipients [see Warnings and Precautions (5.3)].',
    ),

    section('5 WARNINGS AND PRECAUTIONS'),
    sub('5.1 Serious Infections'),
    para('CALMIRA may increase the risk of infection. In the 16-week placebo-controlled period of the plaque psoriasis trials, infections occurred in 27% of CALMIRA-treated patients and 21% of placebo-treated patients. Serious infections occurred in 1.2% of CALMIRA-treated patients and 0.8% of placebo-treated patients.'),
    para('Do not initiate CALMIRA in patients with an active serious infection until the infection resolves or is adequately treated. In patients with a chronic infection or a history of recurrent infection, consider the risks and benefits before prescribing CALMIRA. Instruct patients to seek medical advice if signs or symptoms of a clinically important chronic or acute infection occur. If a patient develops a serious infection or is not responding to standard therapy, monitor the patient closely and discontinue CALMIRA until the infection resolves.'),
    sub('5.2 Tuberculosis'),
    para('Evaluate patients for tuberculosis (TB) infection before initiating treatment with CALMIRA. Do not administer CALMIRA to patients with active TB infection. Initiate treatment of latent TB before administering CALMIRA. Consider anti-TB therapy before initiating CALMIRA in patients with a past history of latent or active TB in whom an adequate course of treatment cannot be confirmed. Monitor patients for signs and symptoms of active TB during and after treatment. In clinical trials, none of the patients with latent TB who received TB prophylaxis while treated with CALMIRA developed active TB.'),
    sub('5.3 Hypersensitivity Reactions'),
    para('Serious hypersensitivity reactions, including anaphylaxis and angioedema, were reported in less than 0.1% of CALMIRA-treated patients in clinical trials. If a serious hypersensitivity reaction occurs, discontinue CALMIRA immediately and initiate appropriate therapy.'),
    sub('5.4 Vaccinations'),
    para('Before initiating CALMIRA, consider completion of all age-appropriate vaccinations according to current immunization guidelines. Avoid the use of live vaccines in patients treated with CALMIRA. No data are available on the response to live or non-live vaccines; non-live vaccines received during treatment with CALMIRA may not elicit an adequate immune response.'),

    section('6 ADVERSE REACTIONS'),
    para('The following important adverse reactions are described elsewhere in the labeling: Serious Infections (5.1); Tuberculosis (5.2); Hypersensitivity Reactions (5.3).'),
    sub('6.1 Clinical Trials Experience'),
    para('Because clinical trials are conducted under widely varying conditions, adverse reaction rates observed in the clinical trials of a drug cannot be directly compared to rates in the clinical trials of another drug and may not reflect the rates observed in practice.'),
    para('Plaque psoriasis: in two placebo-controlled trials (CALM-PSO 1 and CALM-PSO 2), 1,518 adults were randomized 2:1 to CALMIRA (300 mg at Week 0, then 150 mg every 2 weeks; N=1,012) or placebo (N=506) through Week 16. In total, 1,456 patients with plaque psoriasis received CALMIRA in clinical trials, 1,130 of them for at least 1 year. Table 1 summarizes adverse reactions that occurred at a rate of at least 1% and more often with CALMIRA than with placebo through Week 16.'),
    {
      kind: 'table',
      caption: 'Table 1: Adverse Reactions Occurring in at Least 1% of Patients Treated with CALMIRA and More Often than Placebo Through Week 16 (Pooled CALM-PSO 1 and CALM-PSO 2)',
      columns: [
        { header: 'Adverse Reaction', width: 0.5 },
        { header: 'CALMIRA 150 mg every 2 weeks %\n(N=1,012)', width: 0.25, align: 'center' },
        { header: 'Placebo %\n(N=506)', width: 0.25, align: 'center' },
      ],
      rows: [
        ['Upper respiratory infections (a)', '11', '8'],
        ['Injection site reactions (b)', '7', '2'],
        ['Headache', '4', '3'],
        ['Diarrhea', '2', '1'],
        ['Arthralgia', '2', '1'],
        ['Tinea infections (c)', '1', '<1'],
        ['Herpes simplex infections (d)', '1', '<1'],
        ['Fatigue', '1', '<1'],
      ],
      notes: [
        'CALMIRA was given as a 300 mg loading dose at Week 0, then 150 mg every 2 weeks.',
        '(a) Includes nasopharyngitis, upper respiratory tract infection, pharyngitis, rhinitis and sinusitis. (b) Includes injection site erythema, swelling, pain, pruritus and bruising. (c) Includes tinea pedis, tinea cruris, tinea corporis and tinea versicolor. (d) Includes oral herpes and herpes simplex.',
      ],
    },
    para('Injection site reactions were mostly mild and led to discontinuation in 0.1% of CALMIRA-treated patients. Adverse reactions led to discontinuation in 1.8% of CALMIRA-treated patients and 2.0% of placebo-treated patients through Week 16. Through Week 52, the types and rates of adverse reactions were similar to those observed through Week 16.'),
    para('Psoriatic arthritis: in the CALM-PsA trial (642 adults; CALMIRA N=428, placebo N=214), the safety profile through Week 24 was consistent with the safety profile in plaque psoriasis.'),
    sub('6.2 Immunogenicity'),
    para('Through Week 52, 4% of CALMIRA-treated patients developed anti-drug antibodies, and less than 1% developed antibodies classified as neutralizing. Anti-drug antibodies were not associated with a loss of efficacy or with injection site reactions; the data are too limited to draw firm conclusions.'),

    section('7 DRUG INTERACTIONS'),
    sub('7.1 Live Vaccines'),
    para('Avoid use of live vaccines in patients treated with CALMIRA [see Warnings and Precautions (5.4)].'),
    sub('7.2 CYP450 Substrates'),
    para('The formation of CYP450 enzymes can be altered by increased levels of certain cytokines during chronic inflammation. Upon initiation or discontinuation of CALMIRA in patients who are receiving concomitant CYP450 substrates, particularly those with a narrow therapeutic index (e.g., warfarin, cyclosporine), consider monitoring for therapeutic effect or drug concentration and adjust the dosage of the concomitant drug as needed.'),
    sub('7.3 Concomitant Therapies'),
    para('The safety and efficacy of CALMIRA in combination with other immunosuppressants, including biologics, or with phototherapy have not been evaluated. In CALM-PsA, 47% of patients received concomitant methotrexate; the safety profile was similar with and without methotrexate.'),

    section('8 USE IN SPECIFIC POPULATIONS'),
    sub('8.1 Pregnancy'),
    para('Available data on CALMIRA use in pregnant women are insufficient to evaluate a drug-associated risk of major birth defects, miscarriage or other adverse maternal or fetal outcomes. Human IgG is known to cross the placental barrier, particularly in the third trimester; therefore, calmirumab may be transmitted from the mother to the developing fetus. In an enhanced pre- and postnatal development study, no adverse developmental effects were observed in infants born to pregnant cynomolgus monkeys given calmirumab at up to 25 times the maximum recommended human dose. Consider the risks and benefits before administering live vaccines to infants exposed to CALMIRA in utero. A FICTIONAL pregnancy exposure registry can be reached at +1-555-0142.'),
    sub('8.2 Lactation'),
    para('There are no data on the presence of calmirumab in human milk, the effects on the breastfed infant or the effects on milk production. Maternal IgG is known to be present in human milk. The developmental and health benefits of breastfeeding should be considered along with the mother\'s clinical need for CALMIRA and any potential adverse effects on the breastfed infant.'),
    sub('8.4 Pediatric Use'),
    para('The safety and effectiveness of CALMIRA in pediatric patients (younger than 18 years of age) have not been established. CALMIRA is not approved for use in children or adolescents.'),
    sub('8.5 Geriatric Use'),
    para('Of the 1,456 patients with plaque psoriasis exposed to CALMIRA in clinical trials, 117 (8%) were 65 years of age or older and 19 (1%) were 75 years of age or older. The numbers of patients aged 65 years and older were not sufficient to determine whether they respond differently from younger adult patients. In population pharmacokinetic analyses, age did not have a clinically meaningful effect on calmirumab clearance.'),
    sub('8.6 Hepatic Impairment'),
    para('No formal studies of CALMIRA have been conducted in patients with hepatic impairment. Calmirumab is a monoclonal antibody and is not expected to undergo hepatic metabolism; no dosage adjustment is considered necessary.'),
    sub('8.7 Renal Impairment'),
    para('No formal studies of CALMIRA have been conducted in patients with renal impairment. Calmirumab is a monoclonal antibody and is not expected to be eliminated by the kidneys; no dosage adjustment is considered necessary.'),

    section('10 OVERDOSAGE'),
    para('Single intravenous doses of up to 1,200 mg were administered in clinical studies without dose-limiting toxicity. In the event of overdosage, monitor the patient for any signs or symptoms of adverse reactions and institute appropriate symptomatic treatment immediately.'),

    section('11 DESCRIPTION'),
    para('Calmirumab is a humanized IgG1-kappa monoclonal antibody that selectively binds to the p19 subunit of interleukin-23. It has a molecular weight of approximately 146 kDa and is produced in a Chinese Hamster Ovary (CHO) cell line. Each single-dose prefilled pen delivers 1 mL containing 150 mg of calmirumab, L-histidine, polysorbate 80, sucrose and water for injection, at pH 5.8. The pen is not made with natural rubber latex.'),

    section('12 CLINICAL PHARMACOLOGY'),
    sub('12.1 Mechanism of Action'),
    para('Calmirumab binds to the p19 subunit of IL-23 and inhibits its interaction with the IL-23 receptor. IL-23 is a naturally occurring cytokine involved in inflammatory and immune responses; calmirumab inhibits the release of proinflammatory cytokines and chemokines.'),
    sub('12.3 Pharmacokinetics'),
    para('After subcutaneous injection, peak serum concentrations are reached in 5 to 6 days; absolute bioavailability is approximately 70%. With the recommended dosage, steady-state concentrations are reached by Week 12. The mean terminal half-life is approximately 21 days. Calmirumab clearance increases with body weight; no dosage adjustment based on body weight is recommended.'),

    section('14 CLINICAL STUDIES'),
    sub('14.1 Plaque Psoriasis'),
    para('CALM-PSO 1 (N=758) and CALM-PSO 2 (N=760) were randomized, double-blind, placebo-controlled 52-week trials in adults with moderate-to-severe plaque psoriasis (body surface area involvement of 10% or more, PASI score of 12 or more and sPGA score of 3 or more) who were candidates for systemic therapy or phototherapy. Patients were randomized 2:1 to CALMIRA (300 mg at Week 0, then 150 mg every 2 weeks) or placebo. The co-primary endpoints were the proportions of patients achieving PASI 75 and an sPGA score of 0 (clear) or 1 (almost clear) at Week 16. Results were consistent across the two trials; pooled results are shown in Table 2.'),
    {
      kind: 'table',
      caption: 'Table 2: Efficacy Results at Week 16 in Adults with Plaque Psoriasis (Pooled CALM-PSO 1 and CALM-PSO 2)',
      columns: [
        { header: 'Endpoint', width: 0.5 },
        { header: 'CALMIRA %\n(N=1,012)', width: 0.25, align: 'center' },
        { header: 'Placebo %\n(N=506)', width: 0.25, align: 'center' },
      ],
      rows: [
        ['sPGA of 0 (clear) or 1 (almost clear)', '71', '5'],
        ['PASI 75', '78', '6'],
        ['PASI 90', '56', '2'],
        ['PASI 100', '29', '<1'],
      ],
    },
    para('Among patients who achieved PASI 75 at Week 16 and continued CALMIRA, 84% maintained PASI 75 at Week 52. Responses were consistent across subgroups defined by age, sex, body weight and prior biologic exposure.'),
    sub('14.2 Psoriatic Arthritis'),
    para('CALM-PsA was a 24-week randomized, double-blind, placebo-controlled trial in 642 adults with active psoriatic arthritis (3 or more swollen and 3 or more tender joints) despite treatment with NSAIDs, corticosteroids or conventional DMARDs. Patients were randomized 2:1 to CALMIRA (300 mg at Week 0, then 150 mg every 2 weeks; N=428) or placebo (N=214). The primary endpoint was the proportion of patients achieving an ACR20 response at Week 24.'),
    {
      kind: 'table',
      caption: 'Table 3: ACR Responses at Week 24 in Adults with Psoriatic Arthritis (CALM-PsA)',
      columns: [
        { header: 'Endpoint', width: 0.5 },
        { header: 'CALMIRA %\n(N=428)', width: 0.25, align: 'center' },
        { header: 'Placebo %\n(N=214)', width: 0.25, align: 'center' },
      ],
      rows: [
        ['ACR20 response', '58', '27'],
        ['ACR50 response', '34', '10'],
        ['ACR70 response', '17', '4'],
      ],
    },
    para('The effect of CALMIRA on radiographic progression of structural joint damage was not evaluated in CALM-PsA and has not been established.'),

    section('16 HOW SUPPLIED/STORAGE AND HANDLING'),
    para('CALMIRA injection is a clear to slightly opalescent, colorless to slightly yellow solution supplied as 150 mg/mL in a single-dose prefilled pen (fictional product codes):'),
    bullets('Carton of one 150 mg/mL prefilled pen (CMR-150-1).', 'Carton of two 150 mg/mL prefilled pens, for the 300 mg loading dose (CMR-150-2).'),
    para('Storage: Store refrigerated at 2°C to 8°C (36°F to 46°F) in the original carton to protect from light. Do not freeze; do not use CALMIRA if it has been frozen. Do not shake.'),
    para('If needed, an individual prefilled pen may be stored at room temperature up to 25°C (77°F) for a single period of up to 14 days, in the original carton to protect from light. Write the date the pen was removed from the refrigerator on the carton. Once CALMIRA has been stored at room temperature, do not return it to the refrigerator; discard it if it is not used within 14 days.'),

    section('17 PATIENT COUNSELING INFORMATION'),
    bullets(
      'Infections: inform patients that CALMIRA may lower the ability of their immune system to fight infections, and instruct them to tell their healthcare provider about any history of infection and to contact their healthcare provider promptly if they develop any symptoms of infection.',
      'Tuberculosis: inform patients that they will be evaluated for TB before starting CALMIRA.',
      'Hypersensitivity: advise patients to seek immediate medical attention if they experience symptoms of a serious hypersensitivity reaction.',
      'Vaccinations: advise patients to avoid live vaccines during treatment and to tell their healthcare provider that they use CALMIRA before receiving any vaccine.',
      'Administration and storage: instruct patients and caregivers in injection technique and sharps disposal, and in storage in the refrigerator at 2°C to 8°C (room temperature up to 25°C for up to 14 days if needed; do not freeze).',
    ),
    para('To report SUSPECTED ADVERSE REACTIONS, contact Fictional Pharma Co. Pharmacovigilance at safety@example.com or +1-555-0100 (FICTIONAL). Company employees must report any adverse event they become aware of within 24 hours. For medical questions, contact Medical Information at medinfo@example.com or +1-555-0199 (FICTIONAL).'),
  ],
};

// ─── PDF rendering ───────────────────────────────────────────────────────────────────────

const PAGE = { width: 612, height: 792 }; // US Letter
const MARGIN = { top: 62, bottom: 62, left: 58, right: 58 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 9.3;
const LINE_GAP = 1.2;

/** Characters the standard fonts can show (WinAnsi); anything else would be garbled in the PDF. */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);
function assertWinAnsi(text: string, where: string): void {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const ok = ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
    if (!ok) throw new Error(`${where}: character "${ch}" (U+${code.toString(16).toUpperCase()}) cannot be shown with a standard PDF font`);
  }
}

function readSidecar(file: string): SidecarMeta {
  const sidecar = path.join(KNOWLEDGE, `${file}.meta.yaml`);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(sidecar, 'utf8'));
  } catch (error) {
    throw new Error(`${sidecar}: cannot read the sidecar (${error instanceof Error ? error.message : String(error)}) — create it first`);
  }
  const meta = raw as Partial<SidecarMeta> | null;
  if (!meta || typeof meta.title !== 'string' || typeof meta.approvalCode !== 'string') {
    throw new Error(`${sidecar}: needs "title" and "approvalCode"`);
  }
  return { title: meta.title, approvalCode: meta.approvalCode };
}

function renderPdf(spec: PdfSpec): Promise<{ bytes: Buffer; pages: number }> {
  const meta = readSidecar(spec.file);
  const created = new Date(spec.created);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: meta.title,
      Author: 'Fictional Pharma Co. (FICTIONAL)',
      Subject: `${FICTIONAL_LINE}. Approval code ${meta.approvalCode}.`,
      Keywords: 'FICTIONAL, sample, repbot, prescribing information',
      Creator: 'repbot scripts/make-sample-pdfs.ts',
      Producer: 'PDFKit',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = () => PAGE.height - MARGIN.bottom;
  const ensureSpace = (needed: number) => {
    if (doc.y + needed > bottom()) doc.addPage();
  };
  const body = (isBold = false) => doc.font(isBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY_SIZE).fillColor('black');

  // Title block.
  assertWinAnsi(spec.title + spec.subtitle, spec.file);
  doc.font('Helvetica-Bold').fontSize(16).text(spec.title, MARGIN.left, MARGIN.top, { width: TEXT_WIDTH });
  doc.moveDown(0.15);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('#8a1c1c').text(spec.subtitle, { width: TEXT_WIDTH });
  doc.fillColor('black').moveDown(0.6);

  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'notice': {
        block.lines.forEach((l) => assertWinAnsi(l, spec.file));
        const pad = 8;
        doc.font('Helvetica').fontSize(BODY_SIZE);
        const heights = block.lines.map((l, i) =>
          doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').heightOfString(l, { width: TEXT_WIDTH - 2 * pad, lineGap: LINE_GAP }),
        );
        const boxHeight = heights.reduce((a, b) => a + b, 0) + 2 * pad + 3 * (block.lines.length - 1);
        ensureSpace(boxHeight + 10);
        const top = doc.y;
        doc.save().rect(MARGIN.left, top, TEXT_WIDTH, boxHeight).fillAndStroke('#fff3e0', '#c77700').restore();
        let y = top + pad;
        block.lines.forEach((l, i) => {
          body(i === 0).text(l, MARGIN.left + pad, y, { width: TEXT_WIDTH - 2 * pad, lineGap: LINE_GAP });
          y += (heights[i] ?? 0) + 3;
        });
        doc.x = MARGIN.left;
        doc.y = top + boxHeight + 10;
        break;
      }
      case 'section': {
        assertWinAnsi(block.text, spec.file);
        ensureSpace(60);
        doc.moveDown(0.5);
        const y = doc.y;
        doc.save().moveTo(MARGIN.left, y).lineTo(MARGIN.left + TEXT_WIDTH, y).lineWidth(0.8).stroke('#444444').restore();
        doc.y = y + 4;
        doc.font('Helvetica-Bold').fontSize(11.5).fillColor('black').text(block.text, MARGIN.left, doc.y, { width: TEXT_WIDTH });
        doc.moveDown(0.35);
        break;
      }
      case 'subsection': {
        assertWinAnsi(block.text, spec.file);
        ensureSpace(48);
        doc.moveDown(0.2);
        doc.font('Helvetica-Bold').fontSize(10.2).text(block.text, MARGIN.left, doc.y, { width: TEXT_WIDTH });
        doc.moveDown(0.2);
        break;
      }
      case 'para': {
        assertWinAnsi(block.text, spec.file);
        ensureSpace(24);
        body(block.bold).text(block.text, MARGIN.left, doc.y, { width: TEXT_WIDTH, lineGap: LINE_GAP, align: 'left' });
        doc.moveDown(0.45);
        break;
      }
      case 'bullets': {
        const indent = 12;
        for (const item of block.items) {
          assertWinAnsi(item, spec.file);
          body();
          const h = doc.heightOfString(item, { width: TEXT_WIDTH - indent, lineGap: LINE_GAP });
          ensureSpace(Math.min(h, 36));
          const y = doc.y;
          doc.text('•', MARGIN.left + 2, y, { lineBreak: false });
          doc.text(item, MARGIN.left + indent, y, { width: TEXT_WIDTH - indent, lineGap: LINE_GAP });
          doc.moveDown(0.2);
        }
        doc.x = MARGIN.left;
        doc.moveDown(0.25);
        break;
      }
      case 'table':
        drawTable(doc, block, spec.file, ensureSpace, bottom);
        break;
    }
  }

  // Running head and footer on every page, written last so the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin must not add a page
    doc.font('Helvetica').fontSize(7.5).fillColor('#555555');
    doc.text(spec.runningHead, MARGIN.left, 30, { width: TEXT_WIDTH * 0.7, lineBreak: false });
    doc.text('FICTIONAL', MARGIN.left + TEXT_WIDTH * 0.7, 30, { width: TEXT_WIDTH * 0.3, align: 'right', lineBreak: false });
    doc.save().moveTo(MARGIN.left, 42).lineTo(MARGIN.left + TEXT_WIDTH, 42).lineWidth(0.5).stroke('#999999').restore();
    const footY = PAGE.height - 44;
    doc.save().moveTo(MARGIN.left, footY - 6).lineTo(MARGIN.left + TEXT_WIDTH, footY - 6).lineWidth(0.5).stroke('#999999').restore();
    doc.fillColor('#8a1c1c').font('Helvetica-Bold').fontSize(7.5);
    doc.text(FICTIONAL_LINE, MARGIN.left, footY, { width: TEXT_WIDTH * 0.66, lineBreak: false });
    doc.fillColor('#555555').font('Helvetica');
    doc.text(`${meta.approvalCode}  |  Page ${i - range.start + 1} of ${range.count}`, MARGIN.left + TEXT_WIDTH * 0.66, footY, {
      width: TEXT_WIDTH * 0.34,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
  doc.fillColor('black');
  const pages = range.count;
  doc.end();
  return done.then((bytes) => ({ bytes, pages }));
}

function drawTable(
  doc: PDFKit.PDFDocument,
  table: Extract<Block, { kind: 'table' }>,
  where: string,
  ensureSpace: (needed: number) => void,
  bottom: () => number,
): void {
  const pad = 4;
  const size = 8.8;
  const widths = table.columns.map((c) => c.width * TEXT_WIDTH);
  const cellHeight = (cells: string[], isBold: boolean) =>
    Math.max(
      ...cells.map((text, i) => {
        doc.font(isBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
        return doc.heightOfString(text, { width: (widths[i] ?? 0) - 2 * pad });
      }),
    ) +
    2 * pad;
  const drawRow = (cells: string[], y: number, h: number, header: boolean) => {
    let x = MARGIN.left;
    cells.forEach((text, i) => {
      const w = widths[i] ?? 0;
      if (header) doc.save().rect(x, y, w, h).fill('#e4e4e4').restore();
      doc.save().rect(x, y, w, h).lineWidth(0.6).stroke('#333333').restore();
      doc
        .font(header ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(size)
        .fillColor('black')
        .text(text, x + pad, y + pad, { width: w - 2 * pad, align: table.columns[i]?.align ?? 'left' });
      x += w;
    });
  };

  const headers = table.columns.map((c) => c.header);
  [table.caption, ...headers, ...table.rows.flat(), ...(table.notes ?? [])].forEach((t) => assertWinAnsi(t, where));
  const headerHeight = cellHeight(headers, true);
  doc.font('Helvetica-Bold').fontSize(9.2);
  const captionHeight = doc.heightOfString(table.caption, { width: TEXT_WIDTH });
  const firstRow = table.rows[0] ? cellHeight(table.rows[0], false) : 0;
  ensureSpace(captionHeight + headerHeight + firstRow + 12);
  doc.moveDown(0.2);
  doc.font('Helvetica-Bold').fontSize(9.2).text(table.caption, MARGIN.left, doc.y, { width: TEXT_WIDTH });
  doc.moveDown(0.3);
  let y = doc.y;
  drawRow(headers, y, headerHeight, true);
  y += headerHeight;
  for (const row of table.rows) {
    const h = cellHeight(row, false);
    if (y + h > bottom()) {
      doc.addPage();
      y = MARGIN.top;
      drawRow(headers, y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(row, y, h, false);
    y += h;
  }
  doc.x = MARGIN.left;
  doc.y = y + 4;
  for (const note of table.notes ?? []) {
    doc.font('Helvetica').fontSize(7.8).text(note, MARGIN.left, doc.y, { width: TEXT_WIDTH, lineGap: 1 });
    doc.moveDown(0.15);
  }
  doc.moveDown(0.5);
}

// ─── DOCX: Zorvex dosing quick guide (training, internal) ────────────────────────────────

const DOCX_FILE = 'zorvex/zorvex-dosing-guide.docx';
const DOCX_CREATED = '2025-03-20T00:00:00Z';

function docxTable(header: string[], rows: string[][], widths: number[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '333333' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, isHeader: boolean) =>
    new TableCell({
      borders,
      width: { size: widths[i] ?? 20, type: WidthType.PERCENTAGE },
      shading: isHeader ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E4E4E4' } : undefined,
      children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

function buildDosingGuide(meta: SidecarMeta): Document {
  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
  const subheading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] });
  const p = (text: string) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(text)] });
  const li = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });
  const fictional = new Paragraph({
    spacing: { after: 200 },
    children: [new TextRun({ text: `${FICTIONAL_LINE}. Internal training material — not for use with healthcare professionals.`, bold: true, color: '8A1C1C' })],
  });

  return new Document({
    creator: 'Fictional Pharma Co. Medical Affairs (FICTIONAL)',
    title: meta.title,
    description: `${FICTIONAL_LINE}. Approval code ${meta.approvalCode}.`,
    lastModifiedBy: 'repbot scripts/make-sample-pdfs.ts',
    revision: 1,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: `${meta.title}  |  FICTIONAL`, size: 16, color: '555555' })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.LEFT,
                children: [new TextRun({ text: `${FICTIONAL_LINE}  |  ${meta.approvalCode}  |  Source: ZORVEX Prescribing Information, MLR-2025-0101`, size: 16, color: '8A1C1C' })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(meta.title)] }),
          fictional,
          p('This quick guide helps field colleagues answer dosing questions from healthcare professionals with approved wording. Every statement comes from the ZORVEX (zorvastatin) Prescribing Information. For any question it does not answer, offer a Medical Information request.'),

          heading('Dosing at a glance'),
          docxTable(
            ['Patient group', 'Starting dose', 'Dose range', 'Maximum dose'],
            [
              ['Adults with primary hyperlipidemia', '10 mg once daily', '10 mg to 40 mg once daily', '40 mg once daily'],
              ['Pediatric patients 10 to 17 years with HeFH', '10 mg once daily', '10 mg to 20 mg once daily', '20 mg once daily'],
              ['Severe renal impairment (CLcr less than 30 mL/min), not on hemodialysis', '10 mg once daily', '10 mg to 20 mg once daily', '20 mg once daily'],
              ['Taking a strong CYP3A4 inhibitor (e.g., clarithromycin, itraconazole)', '10 mg once daily', '10 mg once daily', '10 mg once daily'],
              ['Taking cyclosporine or gemfibrozil', 'Avoid concomitant use', 'Avoid concomitant use', 'Avoid concomitant use'],
            ],
            [34, 20, 24, 22],
          ),

          heading('Adults'),
          li('ZORVEX is taken orally once daily, at any time of day, with or without food. Tablets are swallowed whole.'),
          li('The recommended starting dosage is 10 mg once daily; the dosage range is 10 mg to 40 mg once daily.'),
          li('The maximum recommended dosage is 40 mg once daily. Dosages higher than 40 mg once daily are not recommended.'),
          li('LDL-C is assessed 4 to 12 weeks after starting or changing the dose. Dose increases are made in steps (10 mg, 20 mg, 40 mg) at intervals of at least 4 weeks.'),

          heading('Pediatric patients with HeFH'),
          li('ZORVEX is indicated as an adjunct to diet to reduce LDL-C in pediatric patients aged 10 to 17 years with heterozygous familial hypercholesterolemia.'),
          li('The recommended starting dosage is 10 mg once daily and the maximum recommended dosage is 20 mg once daily.'),
          li('Safety and effectiveness have not been established in children younger than 10 years or for other pediatric indications. Route any such question to Medical Information.'),

          heading('Drug interactions that change the dose'),
          li('Strong CYP3A4 inhibitors (e.g., clarithromycin, itraconazole, ketoconazole): do not exceed ZORVEX 10 mg once daily.'),
          li('Cyclosporine: avoid concomitant use.'),
          li('Gemfibrozil: avoid concomitant use.'),
          li('Large quantities of grapefruit juice (more than 1.2 liters daily) should be avoided.'),

          heading('Missed dose'),
          p('A missed dose is taken as soon as remembered on the same day. If more than 12 hours have passed since it was due, the missed dose is skipped and the next dose is taken at the usual time. Two doses are never taken at once.'),

          heading('Contraindications'),
          p('ZORVEX is contraindicated in active liver disease (which may include unexplained persistent elevations of hepatic transaminase levels), pregnancy, breastfeeding, and hypersensitivity to zorvastatin or any excipient.'),

          heading('Storage'),
          p('Store at 20°C to 25°C (68°F to 77°F); excursions permitted between 15°C and 30°C (59°F and 86°F). Keep in the original bottle, tightly closed, to protect from moisture.'),

          heading('When the question goes beyond this guide'),
          subheading('Off-label questions'),
          p('Questions about uses, doses or patient groups outside the approved label (for example dosages above 40 mg, children younger than 10 years, or cardiovascular outcomes) are not answered by field colleagues. Offer to submit a Medical Information request: medinfo@example.com or +1-555-0199 (FICTIONAL).'),
          subheading('Adverse events'),
          p('Any adverse event you hear about, including from a healthcare professional in conversation, must be reported to Pharmacovigilance within 24 hours: safety@example.com or +1-555-0100 (FICTIONAL).'),
        ],
      },
    ],
  });
}

/** Runs `fn` with `Date.now()` and `new Date()` pinned, so docx's zip timestamps and core.xml dates are stable. */
async function withFixedClock<T>(when: Date, fn: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const fixed = when.getTime();
  const FixedDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length > 0 ? args : [fixed], newTarget) as object;
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => fixed;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  globalThis.Date = FixedDate;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

// ─── Main ────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  for (const spec of [zorvexPi, calmiraPi]) {
    const { bytes, pages } = await renderPdf(spec);
    const [min, max] = spec.pageRange;
    if (pages < min || pages > max) throw new Error(`${spec.file}: ${pages} pages, expected ${min} to ${max} — adjust the content or layout`);
    writeFileSync(path.join(KNOWLEDGE, spec.file), bytes);
    console.log(`wrote knowledge/${spec.file} (${pages} pages, ${bytes.length} bytes)`);
  }

  const meta = readSidecar(DOCX_FILE);
  const docx = await withFixedClock(new Date(DOCX_CREATED), () => Packer.toBuffer(buildDosingGuide(meta)));
  writeFileSync(path.join(KNOWLEDGE, DOCX_FILE), docx);
  console.log(`wrote knowledge/${DOCX_FILE} (${docx.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
