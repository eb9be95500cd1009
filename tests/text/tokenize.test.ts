import { describe, expect, it } from 'vitest';
import { cjkCharacters, stem, tokenize } from '../../src/text/tokenize.js';

describe('stem', () => {
  const same = (words: string[]) => new Set(words.map(stem));

  it.each([
    [['dose', 'doses', 'dosing', 'dosed', 'dosage', 'dosages']],
    [['contraindication', 'contraindications', 'contraindicated', 'contraindicate']],
    [['interaction', 'interactions', 'interact', 'interacting', 'interacts']],
    [['pediatric', 'paediatric', 'pediatrics']],
    [['store', 'stored', 'storage', 'storing']],
    [['refrigerate', 'refrigerated', 'refrigerator', 'refrigeration']],
    [['injection', 'injections', 'inject', 'injected', 'injectable']],
    [['pregnancy', 'pregnant', 'pregnancies']],
    [['administer', 'administered', 'administration']],
    [['day', 'days', 'daily']],
    [['diarrhea', 'diarrhoea']],
    [['indicated', 'indication', 'indications']],
    [['fasting', 'fasted']],
  ])('%j share a stem', (words) => {
    expect(same(words).size).toBe(1);
  });

  it('leaves words that must stay apart apart', () => {
    expect(stem('hepatic')).toBe('hepatic');
    expect(stem('renal')).toBe('renal');
    expect(stem('hepatic')).not.toBe(stem('hepatitis'));
    expect(stem('dose')).not.toBe(stem('does'));
    expect(stem('fast')).not.toBe(stem('fasting'));
  });

  it('is idempotent on its own output', () => {
    for (const w of ['dosage', 'contraindications', 'patients', 'refrigerated', 'administration', 'adolescents', 'disease', 'increased', 'presence', 'nursing', 'fasting', 'fasted']) {
      expect(stem(stem(w))).toBe(stem(w));
    }
  });
});

describe('tokenize', () => {
  it('lowercases, stems and drops stopwords, negations included', () => {
    expect(tokenize('Do NOT take the doses with Grapefruit Juice')).toEqual(['tak', 'dos', 'grapefruit', 'juic']);
  });

  it('keeps numbers and splits a number from its unit', () => {
    expect(tokenize('40mg or 2.5 mg of 1,000 tablets')).toEqual(['40', 'mg', '2.5', 'mg', '1000', 'tablet']);
  });

  it('keeps alphanumeric names whole', () => {
    expect(tokenize('strong CYP3A4 inhibitors; HbA1c')).toEqual(['strong', 'cyp3a4', 'inhibitor', 'hba1c']);
  });

  it('reads temperatures', () => {
    expect(tokenize('2°C to 8°C (36ºF)')).toEqual(['2', '°c', '8', '°c', '36', '°f']);
  });

  it('folds full-width characters', () => {
    expect(tokenize('ＨＵＭＩＲＡ４０ｍｇ')).toEqual(tokenize('HUMIRA 40mg'));
  });

  it('gives overlapping bigrams of CJK runs, and the character of a run of one', () => {
    expect(tokenize('保存温度')).toEqual(['保存', '存温', '温度']);
    expect(tokenize('Humira 肝 dose')).toEqual(['humira', '肝', 'dos']);
    expect(tokenize('的')).toEqual([]);
  });

  it('handles mixed Chinese and English', () => {
    expect(tokenize('Humira的剂量')).toEqual(['humira', '剂量']);
  });

  it('cuts CJK runs at particles and question words, so no bigram spans two words', () => {
    expect(tokenize('修美乐的保存温度是多少？')).toEqual(['修美', '美乐', '保存', '存温', '温度']);
    expect(tokenize('可以和甲氨蝶呤一起用吗')).toEqual(['甲氨', '氨蝶', '蝶呤', '呤一', '一起', '起用']);
  });

  it('lists single CJK characters separately for the keyword index', () => {
    expect(cjkCharacters('肝功能的 dose 肾')).toEqual(['肝', '功', '能']);
  });
});
