import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOSSARY_PATH, expandQuery, loadGlossary } from '../../src/retrieval/glossary.js';
import { KeywordIndex, type KeywordItem } from '../../src/retrieval/keyword-index.js';
import { queryTerms } from '../../src/retrieval/query-terms.js';
import { tokenize } from '../../src/text/tokenize.js';

// Sentences from the HUMIRA, LIPITOR and VIAGRA labels in ../shared/eval-data.
const PASSAGES: KeywordItem[] = [
  { id: 'humira-storage', fields: 'HUMIRA Prescribing Information\n16.2 Storage and Handling', text: 'Do not use beyond the expiration date on the container. HUMIRA must be refrigerated at 36°F to 46°F (2°C to 8°C). DO NOT FREEZE. Do not use if frozen even if it has been thawed.' },
  { id: 'humira-travel', fields: 'HUMIRA Prescribing Information\n16.2 Storage and Handling', text: 'When traveling, store HUMIRA in a cool carrier with an ice pack. Protect the prefilled syringe from exposure to light. Store in original carton until time of administration.' },
  { id: 'humira-tb', fields: 'HUMIRA Prescribing Information\n5.1 Serious Infections', text: 'Evaluate patients for tuberculosis risk factors and test for latent infection prior to initiating HUMIRA and periodically during therapy.' },
  { id: 'humira-dose', fields: 'HUMIRA Prescribing Information\n2.1 Rheumatoid Arthritis', text: 'The recommended dose of HUMIRA for adult patients with rheumatoid arthritis is 40 mg administered every other week.' },
  { id: 'humira-peds', fields: 'HUMIRA Prescribing Information\n2.2 Juvenile Idiopathic Arthritis', text: 'The recommended dose of HUMIRA for patients 2 years of age and older with polyarticular JIA is based on weight: 10 kg to <15 kg, 10 mg every other week.' },
  { id: 'lipitor-dose', fields: 'LIPITOR Prescribing Information\n2.1 Hyperlipidemia', text: 'The recommended starting dose of LIPITOR is 10 or 20 mg once daily. The dosage range of LIPITOR is 10 to 80 mg once daily.' },
  { id: 'lipitor-peds', fields: 'LIPITOR Prescribing Information\n2.2 Pediatric Patients', text: 'The recommended starting dose of LIPITOR is 10 mg/day; the maximum recommended dose is 20 mg/day (doses greater than 20 mg have not been studied in this patient population).' },
  { id: 'lipitor-grapefruit', fields: 'LIPITOR Prescribing Information\n7.1 Strong Inhibitors of CYP 3A4', text: 'Grapefruit juice contains one or more components that inhibit CYP 3A4 and can increase plasma concentrations of atorvastatin, especially with excessive grapefruit juice consumption (>1.2 liters per day).' },
  { id: 'lipitor-pregnancy', fields: 'LIPITOR Prescribing Information\n4 Contraindications', text: 'LIPITOR is contraindicated in women who are pregnant or may become pregnant.' },
  { id: 'viagra-nitrates', fields: 'VIAGRA Prescribing Information\n4.1 Nitrates', text: 'Consistent with its known effects on the nitric oxide/cGMP pathway, VIAGRA was shown to potentiate the hypotensive effects of nitrates, and its administration to patients who are using nitric oxide donors or nitrates in any form is therefore contraindicated.' },
  { id: 'viagra-ar', fields: 'VIAGRA Prescribing Information\n6.1 Clinical Trials Experience', text: 'The most common adverse reactions reported in clinical trials (≥2%) are headache, flushing, dyspepsia, abnormal vision, nasal congestion, back pain, myalgia, nausea, dizziness, and rash.' },
];

const glossaryResult = loadGlossary([DEFAULT_GLOSSARY_PATH]);
if (!glossaryResult.ok) throw new Error(glossaryResult.error);
const glossary = glossaryResult.value;
const PRODUCTS = [['Humira', 'adalimumab', '修美乐'], ['Lipitor', 'atorvastatin', '立普妥'], ['Viagra', 'sildenafil', '万艾可']];
const plain = (q: string) => tokenize(q).map((term) => ({ term, weight: 1 }));
const expanded = (q: string) => queryTerms(expandQuery(q, glossary, PRODUCTS));

describe('KeywordIndex', () => {
  const index = KeywordIndex.build(PASSAGES);

  it.each([
    ['Can LIPITOR be taken with grapefruit juice?', 'lipitor-grapefruit'],
    ['must HUMIRA be refrigerated', 'humira-storage'],
    ['what are the most common adverse reactions of VIAGRA', 'viagra-ar'],
    ['tuberculosis test before HUMIRA', 'humira-tb'],
    ['VIAGRA with nitrates', 'viagra-nitrates'],
  ])('ranks the right passage first for %s', (query, id) => {
    expect(index.search(plain(query), 3)[0]?.id).toBe(id);
  });

  it('matches an English passage from a Chinese question through the glossary', () => {
    expect(index.search(plain('修美乐的保存温度是多少？'), 3)).toEqual([]);
    expect(index.search(expanded('修美乐的保存温度是多少？'), 3)[0]?.id).toBe('humira-storage');
    // The same in English needs the glossary too: the passage says neither "store" nor "temperature".
    expect(index.search(expanded('HUMIRA storage temperature'), 3)[0]?.id).toBe('humira-storage');
    expect(index.search(expanded('立普妥孕妇能用吗'), 3)[0]?.id).toBe('lipitor-pregnancy');
    expect(index.search(expanded('万艾可和硝酸甘油能一起用吗'), 3)[0]?.id).toBe('viagra-nitrates');
    expect(index.search(expanded('立普妥小孩最大剂量'), 3)[0]?.id).toBe('lipitor-peds');
  });

  it('uses title and section: a question about the section finds its passages', () => {
    const hits = index.search(plain('Storage and Handling'), 5).map((h) => h.id);
    expect(hits.slice(0, 2).sort()).toEqual(['humira-storage', 'humira-travel']);
  });

  it('reports the share of the query it matched', () => {
    const [full] = index.search(plain('grapefruit juice'), 1);
    expect(full?.matchedWeight).toBeCloseTo(1);
    // A word the user asked that no passage has lowers the share; an expansion nobody has does not.
    const [asked] = index.search(plain('grapefruit zebra'), 1);
    expect(asked?.id).toBe('lipitor-grapefruit');
    expect(asked?.matchedWeight).toBeLessThan(0.6);
    const [expandedOnly] = index.search([{ term: 'grapefruit', weight: 1 }, { term: 'zebra', weight: 0.7 }], 1);
    expect(expandedOnly?.matchedWeight).toBeCloseTo(1);
    // A concept known by one of its terms is measured by that term alone.
    const [grouped] = index.search([{ term: 'grapefruit', weight: 1, group: 'g' }, { term: '西柚', weight: 1, group: 'g' }], 1);
    expect(grouped?.matchedWeight).toBeCloseTo(1);
    expect(index.search(plain('zebra'), 3)).toEqual([]);
    const partial = index.search(plain('grapefruit tuberculosis'), 2);
    expect(partial.map((h) => h.matchedWeight).every((w) => w > 0.3 && w < 0.7)).toBe(true);
  });

  it('counts a concept once however many of its synonyms match', () => {
    const terms = [
      { term: 'refriger', weight: 1, group: 'cold' },
      { term: 'freez', weight: 0.7, group: 'cold' },
      { term: 'frozen', weight: 0.7, group: 'cold' },
      { term: 'grapefruit', weight: 1 },
    ];
    const hits = index.search(terms, 5);
    const storage = hits.find((h) => h.id === 'humira-storage');
    const grapefruit = hits.find((h) => h.id === 'lipitor-grapefruit');
    expect(storage && grapefruit).toBeTruthy();
    expect((storage?.matchedWeight ?? 0) + (grapefruit?.matchedWeight ?? 0)).toBeCloseTo(1, 5);
  });

  it('filters by id without scanning for it', () => {
    const hits = index.search(plain('recommended dose'), 10, (id) => id.startsWith('lipitor'));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.id.startsWith('lipitor'))).toBe(true);
  });

  it('returns at most k hits, best first, and nothing for an empty query', () => {
    const hits = index.search(plain('recommended dose'), 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(index.search([], 5)).toEqual([]);
    expect(index.search(plain('dose'), 0)).toEqual([]);
  });

  it('knows document frequencies and idf', () => {
    expect(index.size).toBe(PASSAGES.length);
    expect(index.documentFrequency('grapefruit')).toBe(1);
    expect(index.documentFrequency('humira')).toBe(5);
    expect(index.documentFrequency('nothing')).toBe(0);
    expect(index.idf('grapefruit')).toBeGreaterThan(index.idf('humira'));
    expect(index.idf('humira')).toBeGreaterThan(0);
  });

  it('adds, replaces and removes items by id', () => {
    const live = KeywordIndex.build(PASSAGES);
    live.add({ id: 'new', text: 'Avoid live vaccines during HUMIRA therapy.' });
    expect(live.size).toBe(PASSAGES.length + 1);
    expect(live.search(plain('live vaccines'), 1)[0]?.id).toBe('new');
    live.add({ id: 'new', text: 'Nothing about immunisation here.' });
    expect(live.size).toBe(PASSAGES.length + 1);
    expect(live.search(plain('vaccines'), 1)).toEqual([]);
    expect(live.remove('new')).toBe(true);
    expect(live.remove('new')).toBe(false);
    expect(live.has('new')).toBe(false);
    live.remove('lipitor-grapefruit');
    expect(live.documentFrequency('grapefruit')).toBe(0);
    expect(live.search(plain('grapefruit'), 5)).toEqual([]);
  });

  it('gives the same results after heavy churn as a fresh build', () => {
    const live = KeywordIndex.build(PASSAGES);
    for (let round = 0; round < 300; round++) {
      for (const p of PASSAGES) live.add({ ...p, id: `${p.id}#${round}` });
      for (const p of PASSAGES) live.remove(`${p.id}#${round}`);
    }
    const fresh = KeywordIndex.build(PASSAGES);
    for (const q of ['recommended dose', 'HUMIRA storage temperature', 'nitrates']) {
      expect(live.search(plain(q), 5)).toEqual(fresh.search(plain(q), 5));
    }
  });

  it('survives a JSON round trip', () => {
    const copy = KeywordIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(copy.size).toBe(index.size);
    for (const q of ['recommended dose', 'grapefruit juice', '修美乐的保存温度是多少？']) {
      expect(copy.search(expanded(q), 5)).toEqual(index.search(expanded(q), 5));
    }
    copy.remove('humira-storage');
    expect(copy.size).toBe(index.size - 1);
  });

  it('indexes Chinese passages by bigrams and characters', () => {
    const zh = KeywordIndex.build([
      { id: 'store', text: '本品应在2°C至8°C冷藏保存，请勿冷冻。' },
      { id: 'liver', text: '肝功能不全患者应慎用本品。' },
      { id: 'kids', text: '儿童患者的安全性和有效性尚未确立。' },
    ]);
    expect(zh.search(expanded('怎么保存'), 1)[0]?.id).toBe('store');
    expect(zh.search(expanded('肝不好能用吗'), 1)[0]?.id).toBe('liver');
    expect(zh.search(expanded('小孩能用吗'), 1)[0]?.id).toBe('kids');
  });
});
