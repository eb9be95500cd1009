import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GLOSSARY_PATH, type Glossary, buildGlossary, expandQuery, loadGlossary, parseGlossary } from '../../src/retrieval/glossary.js';
import { queryTerms } from '../../src/retrieval/query-terms.js';
import { stem, tokenize } from '../../src/text/tokenize.js';

function shipped(): Glossary {
  const result = loadGlossary([DEFAULT_GLOSSARY_PATH]);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const glossary = shipped();
const HUMIRA = [['Humira', 'adalimumab', '修美乐']];
/** Every index token the expansions of a question reach. */
const reach = (question: string, extra: string[][] = []) =>
  new Set(expandQuery(question, glossary, extra).expansions.flatMap((e) => tokenize(e.term)));
const terms = (question: string, extra: string[][] = []) => expandQuery(question, glossary, extra).expansions.map((e) => e.term);

describe('the shipped glossary', () => {
  it('loads and is rich', () => {
    expect(glossary.groups.length).toBeGreaterThanOrEqual(120);
    expect(glossary.abbreviations.size).toBeGreaterThanOrEqual(80);
  });

  it('has no one-word term that is a stopword (it would match nearly every question)', () => {
    const lone = glossary.groups.flatMap((g) => g.terms).filter((t) => /^[a-z]+$/i.test(t) && tokenize(t).length === 0);
    expect(lone).toEqual([]);
  });
});

describe('expandQuery', () => {
  it('turns a Chinese storage question about a product into English label words', () => {
    const got = reach('修美乐的保存温度是多少？', HUMIRA);
    expect(got).toContain(stem('store'));
    expect(got).toContain(stem('storage'));
    expect(got).toContain(stem('temperature'));
    expect(terms('修美乐的保存温度是多少？', HUMIRA)).toEqual(expect.arrayContaining(['Humira', 'adalimumab', 'temperature']));
  });

  it('reads "max dose for kids?" as maximum dosage in pediatric patients', () => {
    const expanded = expandQuery('max dose for kids?', glossary);
    const words = expanded.expansions.map((e) => e.term);
    expect(words).toEqual(expect.arrayContaining(['maximum', 'pediatric']));
    expect(reach('max dose for kids?')).toContain(stem('dosage'));
    expect(expanded.original).toEqual(['max', 'dos', 'kid']);
  });

  it('reads a product name where the glossary says "it": "how does Humira work", "what is Humira for"', () => {
    expect(terms('how does Humira work?', HUMIRA)).toEqual(expect.arrayContaining(['mechanism of action', '作用机制']));
    expect(terms('what is Humira for?', HUMIRA)).toEqual(expect.arrayContaining(['indication', 'indications and usage', '适应症']));
    // Only phrases with "it" are read this way; the name still counts as itself.
    expect(terms('Humira storage', HUMIRA)).not.toContain('mechanism of action');
    expect(expandQuery('what is Humira for?', glossary, HUMIRA).matches.map((m) => m.text)).toEqual(expect.arrayContaining(['what is it for', 'humira']));
  });

  it('gives synonyms weight 0.7, product aliases 0.9 and spelled-out abbreviations 1', () => {
    const expanded = expandQuery('Can pts w/ HF take Humira BID?', glossary, HUMIRA);
    const weight = (term: string) => expanded.expansions.find((e) => e.term === term)?.weight;
    expect(weight('patients')).toBe(1);
    expect(weight('heart failure')).toBe(1);
    expect(weight('twice daily')).toBe(1);
    expect(weight('adalimumab')).toBe(0.9);
    expect(weight('心力衰竭')).toBe(0.7);
  });

  it('prefers the longest term: 最大剂量 over 剂量, 肾上腺素 over 肾', () => {
    const max = expandQuery('最大剂量是多少', glossary);
    expect(max.matches.map((m) => m.text)).toEqual(['最大剂量']);
    expect(max.expansions.map((e) => e.term)).toContain('maximum dose');
    const epinephrine = expandQuery('肾上腺素', glossary);
    expect(epinephrine.expansions.map((e) => e.term)).toContain('epinephrine');
    expect(epinephrine.expansions.map((e) => e.term)).not.toContain('renal');
  });

  it('matches Latin terms as whole words, case-insensitively and across inflections', () => {
    expect(terms('Any DRUG INTERACTIONS?')).toContain('相互作用');
    expect(terms('refrigerated?')).toContain('冷藏');
    // "hepatitis" is its own group; it does not pull in the liver-function group through "hep…".
    expect(terms('hepatitis')).not.toContain('肝功能');
    // "AS" means ankylosing spondylitis only in capitals.
    expect(terms('as well as')).toEqual([]);
    expect(terms('patients with AS')).toContain('ankylosing spondylitis');
  });

  it('understands common Chinese rep phrasings', () => {
    expect(reach('小孩能用吗')).toContain('pediatric');
    expect(reach('怀孕能用吗')).toContain(stem('pregnancy'));
    expect(reach('可以和甲氨蝶呤一起用吗')).toContain(stem('interaction'));
    expect(reach('可以和甲氨蝶呤一起用吗')).toContain(stem('methotrexate'));
    expect(reach('副作用大吗')).toContain(stem('adverse'));
    expect(reach('多久起效')).toContain('onset');
    expect(reach('半衰期')).toContain('half');
    expect(reach('漏服怎么办')).toContain('miss');
    expect(reach('放冰箱吗')).toContain(stem('refrigerator'));
    expect(reach('室温能放多久')).toContain('room');
    expect(reach('可以冷冻吗')).toContain(stem('freeze'));
    expect(reach('需要避光吗')).toContain('light');
    expect(reach('一天几次')).toContain(stem('frequency'));
    expect(reach('多少毫克')).toContain('mg');
    expect(reach('怎么吃')).toContain(stem('administration'));
  });

  it('catches common English typos and slang', () => {
    expect(reach('dosege')).toContain(stem('dose'));
    expect(reach('contraindicaton')).toContain(stem('contraindication'));
    expect(reach('interacton with statins')).toContain(stem('interaction'));
    expect(reach('side fx')).toContain(stem('adverse'));
    expect(reach('ok if preggo?')).toContain(stem('pregnant'));
  });

  it('returns nothing to add for a question the glossary does not know', () => {
    const expanded = expandQuery('zebra crossing', glossary);
    expect(expanded.expansions).toEqual([]);
    expect(expanded.original).toEqual(['zebra', 'cross']);
  });
});

describe('queryTerms', () => {
  it('weights the question 1, synonyms below, and groups a concept with its synonyms', () => {
    const weighted = queryTerms(expandQuery('max dose for kids?', glossary));
    const of = (term: string) => weighted.find((t) => t.term === term);
    expect(of('max')?.weight).toBe(1);
    expect(of('maximum')?.weight).toBe(1);
    expect(of('pediatric')?.weight).toBe(1);
    expect(of('child')?.weight).toBe(0.7);
    expect(of('kid')?.group).toBe(of('pediatric')?.group);
    expect(of('dos')?.group).toBe(of('maximum')?.group);
    expect(of('kid')?.group).not.toBe(of('dos')?.group);
  });

  it('adds the question’s single CJK characters at a low weight', () => {
    const weighted = queryTerms(expandQuery('胰岛素', glossary));
    expect(weighted.filter((t) => t.weight === 1).map((t) => t.term)).toEqual(['胰岛', '岛素']);
    expect(weighted.find((t) => t.term === '岛')?.weight).toBeLessThan(0.5);
  });
});

describe('loading glossary files', () => {
  const write = (name: string, text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repbot-glossary-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('extends the shipped glossary with a company file', () => {
    const extra = write('glossary.yaml', 'groups:\n  - [旅行箱, travel case]\nabbreviations:\n  TC: travel case\n');
    const result = loadGlossary([DEFAULT_GLOSSARY_PATH, extra]);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.groups.at(-1)?.source).toBe(extra);
    expect(expandQuery('旅行箱', result.value).expansions.map((e) => e.term)).toContain('travel case');
    expect(expandQuery('TC?', result.value).expansions.map((e) => e.term)).toContain('travel case');
  });

  it('accepts groups with broader terms', () => {
    const parsed = parseGlossary('groups:\n  - {terms: [最大剂量, max dose], broader: [dose]}\n', 'g.yaml');
    if (!parsed.ok) throw new Error(parsed.error);
    const g = buildGlossary([parsed.value]);
    const expanded = expandQuery('max dose', g);
    expect(expanded.expansions).toEqual(
      expect.arrayContaining([expect.objectContaining({ term: 'dose', weight: 0.5 }), expect.objectContaining({ term: '最大剂量', weight: 0.7 })]),
    );
  });

  it('names the file and the group index in errors', () => {
    const bad = write('glossary.yaml', 'groups:\n  - [a, b]\n  - [ok, ""]\n');
    const result = loadGlossary([bad]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: groups\\[1\\]`));
    const notList = parseGlossary('groups:\n  - dose\n', 'k/glossary.yaml');
    expect(notList.ok ? '' : notList.error).toBe('k/glossary.yaml: groups[0]: expected a list of terms or {terms, broader}');
    const unknownKey = parseGlossary('gruops: []\n', 'k/glossary.yaml');
    expect(unknownKey.ok ? '' : unknownKey.error).toMatch(/^k\/glossary\.yaml: /);
    const yamlError = parseGlossary('groups: [\n', 'k/glossary.yaml');
    expect(yamlError.ok ? '' : yamlError.error).toMatch(/^k\/glossary\.yaml: not valid YAML/);
  });

  it('reports a missing file by name', () => {
    const result = loadGlossary(['/nonexistent/glossary.yaml']);
    expect(result.ok ? '' : result.error).toBe('/nonexistent/glossary.yaml: cannot read the glossary (ENOENT)');
  });
});
