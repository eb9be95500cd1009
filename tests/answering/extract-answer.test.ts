import { describe, expect, it } from 'vitest';
import { extractAnswer } from '../../src/answering/extract/extract-answer.js';
import { selectSentences } from '../../src/answering/extract/select-sentences.js';
import { type ScoredCandidate, statementTokens } from '../../src/answering/extract/sentence-score.js';
import { fixedClock } from '../../src/core/clock.js';
import type { Chunk, ProductCard } from '../../src/knowledge/types.js';
import { HashedNgramEmbeddings } from '../../src/retrieval/embeddings/hashed-ngram-embeddings.js';
import { DEFAULT_GLOSSARY_PATH, loadGlossary } from '../../src/retrieval/glossary.js';
import { KnowledgeBase, type SearchHit } from '../../src/retrieval/knowledge-base.js';
import { tokenize } from '../../src/text/tokenize.js';
import { chunk } from './routing-fixtures.js';

// Sentences below are from the public FDA labels of HUMIRA (2013) and VIAGRA (2017), the
// material of tests/data/fda-questions.yaml; the products are cards for the test only.
const card = (slug: string, name: string, aliases: string[]): ProductCard => ({
  slug,
  name,
  aliases,
  indications: [],
  competitors: [],
  safetySummary: {},
  medicalInformation: 'Medical Information',
  pharmacovigilance: 'Pharmacovigilance',
  fictional: true,
});
const products = [card('humira', 'Humira', ['adalimumab', '修美乐', '阿达木单抗']), card('viagra', 'Viagra', ['sildenafil', '万艾可'])];

function knowledgeBase(): KnowledgeBase {
  const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH]);
  if (!glossary.ok) throw new Error(glossary.error);
  return new KnowledgeBase(null, products, glossary.value, new HashedNgramEmbeddings(), fixedClock('2026-06-01T09:00:00Z'));
}

const kb = knowledgeBase();
const label = (product: string, section: string, text: string): Chunk =>
  chunk(text, { product, section, file: `${product}/label.md`, title: `${product.toUpperCase()} Prescribing Information` });
const hits = (...chunks: Chunk[]): SearchHit[] => chunks.map((c, i) => ({ chunk: c, label: i, score: 1 - i / 10, vectorSimilarity: null, keywordCoverage: 1 }));
const extract = (question: string, ...chunks: Chunk[]) => extractAnswer(question, kb.analyze(question), hits(...chunks));
/** The quoted sentences, in reading order. */
const answer = (question: string, ...chunks: Chunk[]) => extract(question, ...chunks).chosen.map((s) => s.candidate.text);
/** The sentence that answers best. */
const best = (question: string, ...chunks: Chunk[]) => extract(question, ...chunks).ranked[0]?.candidate.text;

/** A scored sentence of chunk `c` at `position`, for `selectSentences` (every one on the same concept). */
const sentenceOf =
  (c: Chunk) =>
  (text: string, position: number, score: number): ScoredCandidate => ({ candidate: { text, kind: 'sentence', chunk: c, hit: 0, position }, coverage: 0.8, score, matched: new Set(['g1']) });

describe('extractive answers', () => {
  it('quotes the sentence a "However, …" qualifies', () => {
    const nursing = label(
      'humira',
      '8 USE IN SPECIFIC POPULATIONS › 8.3 Nursing Mothers',
      'Limited data from published literature indicate that adalimumab is present in low levels in human milk and is not likely to be absorbed by a breastfed infant. However, no data is available on the absorption of adalimumab from breastmilk in newborn or preterm infants. Caution should be exercised when HUMIRA is administered to a nursing woman.',
    );
    const quoted = answer('can nursing moms use adalimumab', nursing);
    expect(quoted.some((t) => t.startsWith('However'))).toBe(true);
    expect(quoted[0]).toMatch(/^Limited data .* low levels in human milk/);
  });

  it('does not quote a document\'s usage notice, nor answer on "doctor" alone', () => {
    const card = chunk('For use with healthcare professionals, together with the full Prescribing Information. Serious infections leading to hospitalization or death have occurred in patients treated with HUMIRA.', {
      product: 'humira',
      section: 'Important Safety Information',
      file: 'humira/isi.md',
      title: 'HUMIRA Important Safety Information',
    });
    expect(answer('what should doctors know about humira infections?', card)).toEqual(['Serious infections leading to hospitalization or death have occurred in patients treated with HUMIRA.']);
    // Nothing here is about samples: "doctor" (widened to "healthcare professional") does not make the notice an answer.
    expect(answer('can I give humira samples to a doctor?', card)).toEqual([]);
  });

  it('answers an English question in English only, and never with the document\'s title line', () => {
    const en = label('humira', '5 WARNINGS AND PRECAUTIONS › 5.1 Serious Infections', 'HUMIRA may increase the risk of serious infections.');
    const zh = chunk('修美乐可能增加严重感染的风险。风险', { product: 'humira', section: '警告', file: 'humira/summary-zh.md', title: '修美乐说明书摘要', language: 'zh' });
    expect(answer('what are the main risks of humira?', zh, en)).toEqual(['HUMIRA may increase the risk of serious infections.']);
    const card = chunk('HUMIRA (adalimumab) injection — Important Safety Information card\n\nSerious infections have occurred in patients treated with HUMIRA.', {
      product: 'humira',
      file: 'humira/isi.txt',
      title: 'HUMIRA Important Safety Information card',
    });
    expect(answer('humira important safety information', card)).not.toContain('HUMIRA (adalimumab) injection — Important Safety Information card');
  });

  it('reads no topic words in an e-mail or web address ("safety@example.com" is not about safety)', () => {
    const [safety] = tokenize('safety');
    expect(statementTokens('Report adverse events within 24 hours to safety@example.com.').has(safety as string)).toBe(false);
    expect(statementTokens('See https://example.com/safety-information for details.').has(safety as string)).toBe(false);
    expect(statementTokens('The safety profile was similar.').has(safety as string)).toBe(true);
  });

  it('leaves out a "These cases …" whose referent the passage cut off', () => {
    const c = label('humira', '5 WARNINGS AND PRECAUTIONS › 5.2 Malignancies', 'These cases have had a very aggressive disease course and have been fatal. The malignancies occurred after a median of 30 months of therapy.');
    const scored = sentenceOf(c);
    const best = scored('The malignancies occurred after a median of 30 months of therapy.', 1, 1);
    const dangling = scored('These cases have had a very aggressive disease course and have been fatal.', 0, 0.95);
    const chosen = selectSentences([best, dangling], [best.candidate, dangling.candidate]);
    expect(chosen.map((s) => s.candidate.text)).toEqual([best.candidate.text]);
  });

  it('quotes the sentence a "These increases …" or "The reduction was …" refers to', () => {
    const pair = (first: string, second: string) => {
      const c = label('humira', '12 CLINICAL PHARMACOLOGY', `${first} ${second}`);
      const scored = sentenceOf(c);
      const best = scored(second, 1, 1);
      const before = scored(first, 0, 0.2);
      return selectSentences([best, before], [before.candidate, best.candidate]).map((s) => s.candidate.text);
    };
    const clearance = 'Minor increases in apparent clearance were also predicted in RA patients receiving doses lower than the recommended dose.';
    expect(pair(clearance, 'These increases are not likely to be clinically important.')).toEqual([clearance, 'These increases are not likely to be clinically important.']);
    // The sample detail aid's wording (fictional): "The reduction" is the LDL-C reduction of the sentence before.
    const trial = 'In two 12-week trials, Zorvex 10 mg lowered LDL-C by 39% from baseline compared with 2% for placebo.';
    expect(pair(trial, 'The reduction was evident by Week 4 and was maintained through Week 12.')).toEqual([trial, 'The reduction was evident by Week 4 and was maintained through Week 12.']);
    // "The effect of food …" names what it speaks of.
    expect(pair(clearance, 'The effect of food on absorption is not clinically significant.')).toEqual(['The effect of food on absorption is not clinically significant.']);
  });

  it('answers "how effective is it?" with a trial result, not with "safety and effectiveness … not established"', () => {
    const pediatric = label('viagra', '8 USE IN SPECIFIC POPULATIONS › 8.4 Pediatric Use', 'VIAGRA is not indicated for use in pediatric patients. Safety and effectiveness have not been established in pediatric patients.');
    const studies = label(
      'viagra',
      '14 CLINICAL STUDIES',
      'The effectiveness of VIAGRA was evaluated in most studies using several assessment instruments. Sixty-three percent, 74%, and 82% of the patients on 25 mg, 50 mg and 100 mg of VIAGRA, respectively, reported an improvement in their erections, compared to 24% on placebo.',
    );
    expect(best('how effective is viagra?', pediatric, studies)).toMatch(/^Sixty-three percent, 74%, and 82%/);
    expect(answer('how effective is viagra?', pediatric, studies).join(' ')).not.toMatch(/not been established/);
  });

  it('quotes a statement once when two documents word it nearly alike ("before starting" / "before initiating")', () => {
    const card = label('humira', 'WARNINGS AND PRECAUTIONS', 'Test patients for latent TB before starting HUMIRA and when clinically indicated.');
    const pi = label('humira', '5 WARNINGS AND PRECAUTIONS › 5.1 Serious Infections', 'Test patients for latent TB before initiating HUMIRA and when clinically indicated.');
    const other = label('humira', '5 WARNINGS AND PRECAUTIONS › 5.2 Malignancies', 'More cases of malignancies were observed among HUMIRA-treated patients than among control patients.');
    const scored = (c: Chunk, score: number): ScoredCandidate => sentenceOf(c)(c.text, 0, score);
    const chosen = selectSentences([scored(card, 1.17), scored(pi, 1.16), scored(other, 1.1)], [card, pi, other].map((c) => scored(c, 0).candidate));
    expect(chosen.map((s) => s.candidate.text)).toEqual([card.text, other.text]);
  });

  it('does not read "more often than placebo" as how often a dose is given', () => {
    const ae = label('humira', '6 ADVERSE REACTIONS', 'Table 1: Adverse Reactions Reported More Often in HUMIRA-Treated Patients than in Placebo-Treated Patients');
    const dosing = label('humira', '2 DOSAGE AND ADMINISTRATION', 'The recommended dose of HUMIRA for adult patients with RA is 40 mg administered every other week.');
    expect(best('how often is humira given?', ae, dosing)).toBe(dosing.text);
  });

  it('quotes the lines of a table under its caption', () => {
    // As the sample label's PDF gives a table: header cells and rows as lines of their own (fictional product).
    const c = label(
      'humira',
      '14 CLINICAL STUDIES › 14.2 Psoriatic Arthritis',
      'The primary endpoint was the proportion of patients achieving an ACR20 response at Week 24.\nTable 3: ACR Responses at Week 24 in Adults with Psoriatic Arthritis\nEndpoint HUMIRA %\nPlacebo %\nACR20 response 58 27\nACR50 response 34 10\nThe effect on radiographic progression has not been established.',
    );
    const caption = 'Table 3: ACR Responses at Week 24 in Adults with Psoriatic Arthritis';
    const scored = sentenceOf(c);
    const lines = ['Endpoint HUMIRA %', 'Placebo %', 'ACR20 response 58 27', 'ACR50 response 34 10'].map((t, i) => scored(t, i + 2, 0.1));
    const last = scored('The effect on radiographic progression has not been established.', 6, 0.1);
    const chosen = selectSentences([scored(caption, 1, 1), ...lines, last], [scored(caption, 1, 1), ...lines, last].map((s) => s.candidate));
    expect(chosen.map((s) => s.candidate.text)).toEqual([caption, 'Endpoint HUMIRA %', 'Placebo %', 'ACR20 response 58 27', 'ACR50 response 34 10']);
    // A row chosen alone brings its caption, and with it the header lines that name the columns.
    const rowFirst = [scored(caption, 1, 0.1), ...lines.map((l) => (l.candidate.text.startsWith('ACR20') ? { ...l, score: 1 } : l)), last];
    expect(selectSentences(rowFirst, rowFirst.map((s) => s.candidate)).map((s) => s.candidate.text)).toEqual([caption, 'Endpoint HUMIRA %', 'Placebo %', 'ACR20 response 58 27', 'ACR50 response 34 10']);
  });

  it('answers a question about the boxed warning from the "WARNING: …" section, on the topic asked', () => {
    const boxed = label(
      'humira',
      'WARNING: SERIOUS INFECTIONS AND MALIGNANCY',
      'Carefully consider the risks and benefits of treatment with HUMIRA prior to initiating therapy in patients with chronic or recurrent infection. Lymphoma and other malignancies, some fatal, have been reported in children and adolescent patients treated with TNF blockers including HUMIRA [see Warnings and Precautions (5.2)].',
    );
    const section = label(
      'humira',
      '5 WARNINGS AND PRECAUTIONS › 5.2 Malignancies',
      'Consider the risks and benefits of TNF-blocker treatment including HUMIRA prior to initiating therapy in patients with a known malignancy other than a successfully treated non-melanoma skin cancer (NMSC).',
    );
    const ranked = extract('修美乐黑框警告里的恶性肿瘤风险', section, boxed).ranked;
    expect(ranked[0]?.candidate.text).toMatch(/^Lymphoma and other malignancies/);
    // The infection sentence under the same heading is not about malignancy.
    expect(ranked.find((r) => /recurrent infection/.test(r.candidate.text))?.coverage).toBeLessThan(0.6);
  });

  it('does not take a cross-reference for the topic of a sentence', () => {
    const dosing = label('lipitor', '2 DOSAGE AND ADMINISTRATION › 2.2 Heterozygous Familial Hypercholesterolemia in Pediatric Patients (10–17 years of age)', 'Doses should be individualized according to the recommended goal of therapy [see Indications and Usage (1.2)].');
    const indication = label(
      'lipitor',
      '1 INDICATIONS AND USAGE › 1.2 Hyperlipidemia',
      'LIPITOR is indicated as an adjunct to diet to reduce total-C, LDL-C, and apo B levels in boys and postmenarchal girls, 10 to 17 years of age, with heterozygous familial hypercholesterolemia.',
    );
    expect(best('is atorvastatin indicated in adolescents w/ heterozygous FH? what ages', dosing, indication)).toMatch(/10 to 17 years of age/);
  });

  it('prefers the recommendation for pregnancy over a sentence about studies, even when it names animal studies', () => {
    const pregnancy = label(
      'humira',
      '8 USE IN SPECIFIC POPULATIONS › 8.1 Pregnancy',
      'Adequate and well controlled studies with HUMIRA have not been conducted in pregnant women. Adalimumab is an IgG1 monoclonal antibody and IgG1 is actively transferred across the placenta during the third trimester of pregnancy. Because animal reproductive studies are not always predictive of human response, this drug should be used during pregnancy only if clearly needed.',
    );
    expect(best('阿达木单抗孕妇能用吗', pregnancy)).toMatch(/only if clearly needed/);
  });

  it('does not answer "% of pts …" with a sentence that states no percentage', () => {
    const narrative = label(
      'viagra',
      '12 CLINICAL PHARMACOLOGY › 12.2 Pharmacodynamics',
      'Of the four subjects who received VIAGRA 100 mg in the first part of this study, a severe adverse event related to blood pressure effect was reported in one patient (dizziness, headache and fatigue at 1 hour after dosing).',
    );
    const table = label('viagra', '6 ADVERSE REACTIONS › 6.1 Clinical Trials Experience', 'Table 1: Adverse Reactions Reported by ≥2% of Patients Treated with VIAGRA\nAdverse Reaction |\nVIAGRA |\nPlacebo |\nHeadache |\n28% |\n7% |');
    const efficacy = label('viagra', '14 CLINICAL STUDIES', 'Sixty-three percent, 74%, and 82% of the patients on 25 mg, 50 mg and 100 mg of VIAGRA, respectively, reported an improvement in their erections, compared to 24% on placebo.');
    expect(answer('% of pts w/ headache on viagra 100 mg', narrative)).toEqual([]);
    expect(answer('% of pts w/ headache on viagra 100 mg', narrative, efficacy)).toEqual([]);
    // The header row comes with the row: it says which figure is VIAGRA's.
    expect(answer('what % of pts get headache on viagra', narrative, efficacy, table)).toEqual(['Adverse Reaction | VIAGRA | Placebo |', 'Headache | 28% | 7% |']);
  });

  it('answers "contraindications" (even misspelt) with sentences that state one', () => {
    const gc = label(
      'viagra',
      '4 CONTRAINDICATIONS › 4.3 Concomitant Guanylate Cyclase (GC) Stimulators',
      'Do not use VIAGRA in patients who are using a GC stimulator, such as riociguat. PDE5 inhibitors, including VIAGRA, may potentiate the hypotensive effects of GC stimulators.',
    );
    const hypersensitivity = label('viagra', '4 CONTRAINDICATIONS › 4.2 Hypersensitivity Reactions', 'VIAGRA is contraindicated in patients with a known hypersensitivity to sildenafil, as contained in VIAGRA and REVATIO, or any component of the tablet.');
    const nitrates = label('viagra', '7 DRUG INTERACTIONS › 7.1 Nitrates', 'Administration of VIAGRA with nitric oxide donors such as organic nitrates or organic nitrites in any form is contraindicated.');
    const quoted = answer('viagra contraindicatons', gc, hypersensitivity, nitrates);
    expect(quoted.join(' ')).toMatch(/nitrates/);
    expect(quoted.join(' ')).not.toMatch(/^PDE5 inhibitors/m);
  });
});
