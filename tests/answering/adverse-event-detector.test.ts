import { describe, expect, it } from 'vitest';
import { detectAdverseEvent } from '../../src/answering/routing/adverse-event-detector.js';
import { calmira, lexicon, viagra, zorvex } from './routing-fixtures.js';

const lex = lexicon().adverseEvent;
const detect = (message: string, threadProduct = null as typeof zorvex | null) =>
  detectAdverseEvent(message, { lexicon: lex, products: [zorvex, calmira, viagra], threadProduct, defaultReporter: 'you (the rep)' });

describe('adverse-event detector', () => {
  it('finds patient, reporter, product and event in a reported event, and pre-fills them', () => {
    const s = detect('my doctor said her patient got a rash on Zorvex');
    expect(s?.fields).toEqual({ patient: 'her patient', reporter: 'my doctor', product: 'Zorvex', event: ['rash'], onset: null });
    expect(s?.products).toEqual(['zorvex']);
  });

  it('routes Chinese reports', () => {
    const s = detect('患者用了卡米拉后出现严重感染');
    expect(s?.fields.product).toBe('Calmira');
    expect(s?.fields.event).toContain('感染');
    expect(s?.fields.reporter).toBe('you (the rep)');
  });

  it.each([
    ['Dr. Lee told me one of his patients was hospitalized with rhabdo after starting zorvex, what is the max dose?', 'Zorvex'],
    ['a 67-year-old on calmira developed pneumonia last week', 'Calmira'],
    ['her pt passed out after the first calmira injection', 'Calmira'],
    ['my patient took zorvex and got pregnant, is it contraindicated?', 'Zorvex'],
    ['王医生说他的病人吃了佐维斯两周后肌肉疼痛，最大剂量是多少？', 'Zorvex'],
    ['有位患者打了卡米拉以后注射部位红肿', 'Calmira'],
    ['Patient on Zorvex. She developed muscle pain yesterday.', 'Zorvex'],
    ['my patient on viagra got a headache yesterday', 'Viagra'],
    ['one of my pts had a bad headache after 100 mg of viagra', 'Viagra'],
  ])('routes "%s" even when it also asks a product question', (message, product) => {
    expect(detect(message)?.fields.product).toBe(product);
  });

  it('pre-fills the onset when it is stated', () => {
    expect(detect('my patient developed hives 3 days after starting zorvex')?.fields.onset).toBe('3 days after');
    expect(detect('患者用了卡米拉两周后出现发热')?.fields.onset).toBe('两周后');
  });

  it('uses the thread product when the message names none', () => {
    expect(detect('her patient got a rash after the second dose', zorvex)?.fields.product).toBe('Zorvex');
  });

  it.each([
    'what are the most common side effects of Zorvex?',
    'does zorvex cause rash?',
    'can a patient get an infection on Calmira?',
    'what should a patient do if they get a rash on calmira?',
    'how often do patients develop myalgia on zorvex in trials?',
    'my patient has had no side effects on zorvex',
    '如果患者用佐维斯后出现肌肉疼痛应该怎么办',
    '卡米拉会不会引起感染？',
    '卡米拉常见的不良反应有哪些',
    'is atorvastatin contraindicated in pregnant pts',
    'pt on zorvex also takes digoxin, any issue?',
    // Label statistics: a patient group, a product and an event, but nobody it happened to.
    '% of pts w/ headache on viagra 100 mg',
    'what % of patients get headaches on viagra 100 mg?',
    '% of pts with myalgia on zorvex 40 mg',
  ])('does not treat "%s" as an adverse-event report', (message) => {
    expect(detect(message)).toBeNull();
  });
});
