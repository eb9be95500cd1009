import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.js';

describe('detectLanguage', () => {
  it.each([
    ['What is the maximum dose of LIPITOR?', 'en'],
    ['修美乐的保存温度是多少？', 'zh'],
    ['Humira的保存温度是多少', 'zh'],
    ['adalimumab可以和methotrexate一起用吗', 'zh'],
    ['Lipitor 80mg 和 Crestor 比较', 'zh'],
    ['Can HUMIRA be used with methotrexate 甲氨蝶呤?', 'en'],
    ['', 'en'],
    ['40 mg', 'en'],
  ] as const)('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('calls a long English passage with a Chinese name in it English', () => {
    const text = `${'LIPITOR is indicated as an adjunct to diet to reduce LDL-C. '.repeat(10)}(立普妥)`;
    expect(detectLanguage(text)).toBe('en');
  });
});
