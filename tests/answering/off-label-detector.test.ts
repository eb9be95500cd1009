import { describe, expect, it } from 'vitest';
import { NO_FACTS, limitationsIn } from '../../src/answering/routing/label-facts.js';
import { detectOffLabel, questionScope } from '../../src/answering/routing/off-label-detector.js';
import { calmira, lexicon, sentence, viagra, zorvex, zorvexFacts } from './routing-fixtures.js';

const lex = lexicon().offLabel;

describe('off-label detector', () => {
  it.each([
    ['can I tell doctors Zorvex works for migraine?', zorvex],
    ['does zorvex prevent heart attacks?', zorvex],
    ['佐维斯可以预防心梗吗', zorvex],
    ['卡米拉能治类风湿关节炎吗', calmira],
    ['calmira for crohn\'s disease?', calmira],
    ['可以跟医生说卡米拉对偏头痛有效吗', calmira],
  ])('routes a use outside the indications: "%s"', (question, product) => {
    expect(detectOffLabel(question, product, NO_FACTS, lex)?.kind).toBe('use');
  });

  it.each([
    ['卡米拉可以用于儿童吗', calmira],
    ['is calmira ok for teenagers with psoriasis', calmira],
    ['zorvex for kids under 10?', zorvex],
    ['can an 8-year-old take zorvex', zorvex],
    ['佐维斯可以用于8岁儿童吗', zorvex],
  ])('routes a population outside the indications: "%s"', (question, product) => {
    expect(detectOffLabel(question, product, NO_FACTS, lex)?.kind).toBe('population');
  });

  it.each([
    ['can we use 80 mg Zorvex', zorvexFacts],
    ['佐维斯一天吃80毫克可以吗', zorvexFacts],
    ['can I go above 40 mg a day with zorvex?', zorvexFacts],
    ['30 mg zorvex for a 12 year old with HeFH?', zorvexFacts],
  ])('routes a dose above the approved maximum: "%s"', (question, facts) => {
    expect(detectOffLabel(question, zorvex, facts, lex)?.kind).toBe('dose');
  });

  it.each([
    'zorvex dose for kids with HeFH',
    'zorvex pediatric dose',
    '佐维斯儿童剂量',
    'what is zorvex indicated for?',
    'does zorvex lower LDL-C?',
    'can zorvex be taken with clarithromycin',
    'zorvex 10 mg with food?',
    'what is the max dose of zorvex? 40 mg?',
    'zorvex for patients with diabetes and high cholesterol',
    'zorvex dose for patients with renal impairment CrCl<30',
  ])('answers a question about the approved use: "%s"', (question) => {
    expect(detectOffLabel(question, zorvex, zorvexFacts, lex)).toBeNull();
  });

  it('answers approved Calmira questions', () => {
    expect(detectOffLabel('does calmira work for psoriasis?', calmira, NO_FACTS, lex)).toBeNull();
    expect(detectOffLabel('卡米拉治疗银屑病关节炎的剂量', calmira, NO_FACTS, lex)).toBeNull();
  });

  it('uses the label\'s limitation statements for a product that lists no indications, and quotes them', () => {
    const facts = {
      maxDoses: [],
      limitations: limitationsIn(
        [
          sentence('VIAGRA is not indicated for use in pediatric patients.', { product: 'viagra' }),
          sentence('VIAGRA is not indicated for use in women.', { product: 'viagra' }),
        ],
        lex,
      ),
    };
    const kids = detectOffLabel('viagra for pts under 18?', viagra, facts, lex);
    expect(kids?.kind).toBe('population');
    expect(kids?.evidence[0]?.text).toBe('VIAGRA is not indicated for use in pediatric patients.');
    expect(detectOffLabel('can women take sildenafil', viagra, facts, lex)?.evidence[0]?.text).toContain('women');
    expect(detectOffLabel('viagra dose for severe renal impairment CrCl<30', viagra, facts, lex)).toBeNull();
  });

  it('reads a limitation\'s own ages, not those of another clause', () => {
    const [limit] = limitationsIn(
      [sentence('HUMIRA has not been studied in children less than 4 years of age, and there are limited data in children with weight <15 kg.', { product: 'humira' })],
      lex,
    );
    expect(limit?.ages).toEqual({ min: 0, max: 3.99 });
  });

  it('does not read a dose limitation as a population limitation', () => {
    expect(limitationsIn([sentence('The safety and efficacy of doses above 20 mg have not been studied in controlled trials in children.')], lex)).toEqual([]);
  });

  it('scopes a question: ages, populations and doses', () => {
    expect(questionScope('humira dose for JIA kid under 30kg', lex).population).toMatchObject({ kind: 'pediatric', ages: { min: 0, max: 17.99 } });
    expect(questionScope('can we use 80 mg Zorvex', lex).doses).toEqual([expect.objectContaining({ value: 80, unit: 'mg' })]);
    expect(questionScope('佐维斯一天吃80毫克可以吗', lex).doses[0]).toMatchObject({ value: 80, unit: 'mg' });
  });
});
