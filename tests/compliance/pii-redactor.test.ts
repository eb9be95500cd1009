import { describe, expect, it } from 'vitest';
import { createPiiRedactor } from '../../src/compliance/pii-redactor.js';
import { shippedPacks, testProducts } from './helpers/fixtures.js';

const redact = createPiiRedactor(shippedPacks(), testProducts());

describe('createPiiRedactor', () => {
  it('redacts Chinese mobile numbers, resident IDs (valid check digit only) and record numbers', () => {
    expect(redact('家属电话138-1234-5678，身份证11010519491231002X，住院号：2023-08817。')).toBe(
      '家属电话[电话号码已隐去]，身份证[身份证号已隐去]，住院号：[编号已隐去]。',
    );
    expect(redact('批号110105194912310021')).toBe('批号110105194912310021');
  });

  it('redacts personal e-mail and phone numbers but keeps company mailboxes and toll-free lines', () => {
    expect(redact('Write to j.doe@gmail.com or (415) 555-2671.')).toBe('Write to [e-mail removed] or [phone number removed].');
    expect(redact('Report to safety@example.com or call 1-800-438-1985.')).toBe('Report to safety@example.com or call 1-800-438-1985.');
  });

  it('redacts a patient name only next to health information', () => {
    expect(redact('Mrs. Henderson has diabetes.')).toBe('[patient name removed] has diabetes.');
    expect(redact('Thank you, Mr. Wilson, for your time.')).toBe('Thank you, Mr. Wilson, for your time.');
    expect(redact('王建华先生患有糖尿病，在吃立普妥。')).toBe('[患者姓名已隐去]患有糖尿病，在吃立普妥。');
  });
});
