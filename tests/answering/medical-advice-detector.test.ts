import { describe, expect, it } from 'vitest';
import { detectMedicalAdvice } from '../../src/answering/routing/medical-advice-detector.js';
import { lexicon } from './routing-fixtures.js';

const lex = lexicon().medicalAdvice;

describe('individual medical advice detector', () => {
  it.each([
    'should my patient stop Calmira before surgery?',
    '我的病人要不要停用佐维斯？',
    'my patient is 72 and on dialysis, what zorvex dose should she take?',
    'can my patient take zorvex with her clarithromycin?',
    '这个患者能不能继续用卡米拉',
  ])('routes "%s"', (message) => {
    expect(detectMedicalAdvice(message, lex)).not.toBeNull();
  });

  it.each([
    'should patients stop zorvex before surgery?',
    'pt on lipitor also takes digoxin, any issue?',
    'pt traveling w/ humira, how to store it',
    'my doctor asked about the max dose of zorvex',
    'what is the zorvex dose for patients with renal impairment?',
    '患者用药前要查结核吗',
  ])('answers general questions: "%s"', (message) => {
    expect(detectMedicalAdvice(message, lex)).toBeNull();
  });
});
