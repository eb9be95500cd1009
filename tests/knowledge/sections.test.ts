import { describe, expect, it } from 'vitest';
import { detectHeading, headingStyleOf } from '../../src/knowledge/loaders/heading-detector.js';
import { PassageBuilder } from '../../src/knowledge/loaders/passage-builder.js';
import { plainTextPassages } from '../../src/knowledge/loaders/plain-text-passages.js';

describe('detectHeading', () => {
  it.each([
    ['4 CONTRAINDICATIONS', { level: 1, title: '4 CONTRAINDICATIONS' }],
    ['2.1 Recommended Dosage', { level: 2, title: '2.1 Recommended Dosage' }],
    ['12.3.1 Absorption', { level: 3, title: '12.3.1 Absorption' }],
    ['WARNINGS AND PRECAUTIONS', { level: 9, title: 'WARNINGS AND PRECAUTIONS' }],
    ['TABLE 2 DOSING', { level: 9, title: 'TABLE 2 DOSING' }],
    ['【禁忌】', { level: 1, title: '【禁忌】' }],
    ['【用法用量】口服，一次10 mg。', { level: 1, title: '【用法用量】', rest: '口服，一次10 mg。' }],
    ['一、适应症', { level: 1, title: '一、适应症' }],
  ])('reads %j as a heading', (line, heading) => {
    expect(detectHeading(line, 'plain')).toEqual(heading);
  });

  it.each([
    'The recommended starting dose is 10 mg once daily.',
    '1 Take with food',
    '1. Active liver disease',
    '2.5 mg once daily',
    '30 to 59 5 mg 20 mg',
    'eGFR | Dose',
    'LIPITOR SHOULD BE ADMINISTERED TO WOMEN OF CHILDBEARING AGE ONLY WHEN SUCH PATIENTS ARE HIGHLY',
    'NOTE: TAKE WITH FOOD.',
    'PASI 75 78 6',
    'PASI 100 29 <1',
    '',
  ])('reads %j as body text', (line) => {
    expect(detectHeading(line, 'plain')).toBeNull();
  });

  it('reads a # heading in plain text too, but not a "# of" table header', () => {
    expect(detectHeading('# Zorvex Quick Facts', 'plain')).toEqual({ level: 1, title: 'Zorvex Quick Facts' });
    expect(detectHeading('# of patients', 'plain')).toBeNull();
  });

  it('uses only # headings in a text that has them', () => {
    const lines = ['# Title', '## 1 INDICATIONS', 'BODY IN CAPS', '### 1.1 Sub'];
    expect(headingStyleOf(lines)).toBe('hash');
    expect(detectHeading('## 1 INDICATIONS', 'hash')).toEqual({ level: 2, title: '1 INDICATIONS' });
    expect(detectHeading('BODY IN CAPS', 'hash')).toBeNull();
    expect(detectHeading('2.1 Recommended Dosage', 'hash')).toBeNull();
  });
});

describe('PassageBuilder', () => {
  it('nests sections, splits at pages and keeps bare leaf headings as text', () => {
    const b = new PassageBuilder();
    b.setPage(1);
    b.heading({ level: 1, title: '4 CONTRAINDICATIONS' });
    b.heading({ level: 2, title: '4.1 Active liver disease' });
    b.heading({ level: 2, title: '4.2 Pregnancy' });
    b.line('Women who are pregnant.');
    b.setPage(2);
    b.line('Continued on page 2.');
    b.heading({ level: 1, title: '5 WARNINGS' });
    expect(b.finish()).toEqual([
      { text: '4.1 Active liver disease', page: 1, section: '4 CONTRAINDICATIONS › 4.1 Active liver disease' },
      { text: 'Women who are pregnant.', page: 1, section: '4 CONTRAINDICATIONS › 4.2 Pregnancy' },
      { text: 'Continued on page 2.', page: 2, section: '4 CONTRAINDICATIONS › 4.2 Pregnancy' },
      { text: '5 WARNINGS', page: 2, section: '5 WARNINGS' },
    ]);
  });

  it('leaves a lone title heading out of the paths below it', () => {
    const b = new PassageBuilder({ titleHeading: true });
    b.heading({ level: 1, title: 'Zorvex Guide' });
    b.line('Intro.');
    b.heading({ level: 2, title: 'Dosing' });
    b.line('10 mg.');
    expect(b.finish().map((p) => p.section)).toEqual(['Zorvex Guide', 'Dosing']);
  });
});

describe('plainTextPassages', () => {
  it('joins a heading wrapped onto a second line', () => {
    const long = 'The body text of this document is wrapped at a fixed width like a PDF page always is, ok.';
    const passages = plainTextPassages([
      {
        page: 1,
        lines: ['# Label', '## 2 DOSAGE', '### 2.1 Hyperlipidemia (Heterozygous Familial and Nonfamilial) and Mixed Dyslipidemia', '(Fredrickson Types IIa and IIb)', long],
      },
    ]);
    expect(passages).toEqual([
      { text: long, page: 1, section: '2 DOSAGE › 2.1 Hyperlipidemia (Heterozygous Familial and Nonfamilial) and Mixed Dyslipidemia (Fredrickson Types IIa and IIb)' },
    ]);
  });
});
