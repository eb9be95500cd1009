import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import { HashedNgramEmbeddings, idfQueryWeighting } from '../../src/retrieval/embeddings/hashed-ngram-embeddings.js';
import { DEFAULT_GLOSSARY_PATH, expandQuery, loadGlossary } from '../../src/retrieval/glossary.js';
import { KeywordIndex } from '../../src/retrieval/keyword-index.js';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));

const PEDIATRIC_DOSAGE =
  'Pediatric Patients: The recommended dosage for pediatric patients 10 to 17 years of age is 10 mg once daily; the maximum recommended dosage is 20 mg once daily.';
const UNRELATED = [
  'HUMIRA must be refrigerated at 36°F to 46°F (2°C to 8°C). Do not freeze. Protect from light.',
  'Grapefruit juice contains one or more components that inhibit CYP 3A4 and can increase plasma concentrations of atorvastatin.',
  'The most common adverse reactions reported in clinical trials are headache, flushing, dyspepsia and abnormal vision.',
  'Consider the risks and benefits of HUMIRA treatment prior to initiating therapy in patients with a known malignancy.',
];

describe('HashedNgramEmbeddings', () => {
  const model = new HashedNgramEmbeddings();

  it('is a LangChain embeddings model with a stable id and size', async () => {
    expect(model).toBeInstanceOf(Embeddings);
    expect(model.modelId).toBe('local-hashed-ngram-v2-d1024');
    expect(model.dimensions).toBe(1024);
    const small = new HashedNgramEmbeddings({ dimensions: 256 });
    expect(small.modelId).toBe('local-hashed-ngram-v2-d256');
    expect(await small.embedQuery('dose')).toHaveLength(256);
    expect(() => new HashedNgramEmbeddings({ dimensions: 3 })).toThrow(/dimensions/);
  });

  it('returns unit-length number[] vectors', async () => {
    const [vector] = await model.embedDocuments([PEDIATRIC_DOSAGE]);
    expect(Array.isArray(vector)).toBe(true);
    expect(vector).toHaveLength(1024);
    expect(norm(vector!)).toBeCloseTo(1, 5);
    expect(norm(await model.embedQuery('修美乐的保存温度'))).toBeCloseTo(1, 5);
  });

  it('is deterministic and corpus-independent: a text always gets the same vector', async () => {
    const other = new HashedNgramEmbeddings();
    const alone = await model.embedDocuments([PEDIATRIC_DOSAGE]);
    const inBatch = await other.embedDocuments([...UNRELATED, PEDIATRIC_DOSAGE, ...UNRELATED]);
    expect(inBatch[UNRELATED.length]).toEqual(alone[0]);
    const index = KeywordIndex.build(UNRELATED.map((text, i) => ({ id: String(i), text })));
    other.setQueryWeighting(idfQueryWeighting(index));
    expect((await other.embedDocuments([PEDIATRIC_DOSAGE]))[0]).toEqual(alone[0]);
    expect(Array.from(model.vectorize(PEDIATRIC_DOSAGE))).toEqual(alone[0]!.map((x) => Math.fround(x)));
  });

  it('puts a typo-ridden question closer to the right passage than to unrelated ones', async () => {
    const [query, right, ...others] = await Promise.all([
      model.embedQuery('dosege for pediatrc pts'),
      ...[PEDIATRIC_DOSAGE, ...UNRELATED].map((t) => model.embedQuery(t)),
    ]);
    const target = cosine(query!, right!);
    for (const other of others) expect(target).toBeGreaterThan(cosine(query!, other!));
  });

  it('matches Chinese questions to Chinese passages', async () => {
    const docs = await model.embedDocuments(['本品应在2°C至8°C冷藏保存，请勿冷冻。', '儿童患者的安全性和有效性尚未确立。', '最常见的不良反应为头痛和潮红。']);
    const query = await model.embedQuery('这个药要冷藏保存吗');
    const sims = docs.map((d) => cosine(query, d));
    expect(sims[0]).toBeGreaterThan(Math.max(sims[1]!, sims[2]!));
  });

  it('lets glossary expansions carry a Chinese question to an English passage', async () => {
    const glossary = loadGlossary([DEFAULT_GLOSSARY_PATH]);
    if (!glossary.ok) throw new Error(glossary.error);
    const question = '修美乐的保存温度是多少？';
    const { expansions } = expandQuery(question, glossary.value, [['Humira', 'adalimumab', '修美乐']]);
    const query = await model.embedWeightedQuery([{ term: question, weight: 1 }, ...expansions]);
    const docs = await model.embedDocuments(UNRELATED);
    const sims = docs.map((d) => cosine(query, d));
    expect(sims.indexOf(Math.max(...sims))).toBe(0);
    const bare = cosine(await model.embedQuery(question), docs[0]!);
    expect(sims[0]).toBeGreaterThan(bare + 0.1);
  });

  it('weights query features by idf only when asked, and only for queries', async () => {
    const weighted = new HashedNgramEmbeddings();
    const index = KeywordIndex.build([PEDIATRIC_DOSAGE, ...UNRELATED].map((text, i) => ({ id: String(i), text })));
    const before = await weighted.embedQuery('recommended pediatric dosage');
    weighted.setQueryWeighting(idfQueryWeighting(index));
    const after = await weighted.embedQuery('recommended pediatric dosage');
    expect(after).not.toEqual(before);
    weighted.setQueryWeighting(null);
    expect(await weighted.embedQuery('recommended pediatric dosage')).toEqual(before);
  });

  it('embeds 1,000 passages quickly', async () => {
    const texts = Array.from({ length: 1000 }, (_, i) => `${UNRELATED[i % UNRELATED.length]} ${PEDIATRIC_DOSAGE} #${i}`);
    const started = performance.now();
    const vectors = await model.embedDocuments(texts);
    expect(vectors).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
