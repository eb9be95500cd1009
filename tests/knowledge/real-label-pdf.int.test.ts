import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/knowledge/file-checks.js';
import { loaderFor } from '../../src/knowledge/loaders/index.js';
import type { Passage } from '../../src/knowledge/types.js';

const LIPITOR = path.resolve(import.meta.dirname, '../../../shared/eval-data/fda-labels/lipitor_atorvastatin_rendered_from_spl_en.pdf');
const present = fs.existsSync(LIPITOR);
if (!present) console.warn(`Skipping the real-label PDF test: ${LIPITOR} is not there (see DESIGN.md §7).`);

describe.skipIf(!present)('the real 39-page Lipitor label PDF', () => {
  let passages: Passage[] = [];
  const input = () => ({ relPath: 'lipitor/lipitor-pi.pdf', absPath: LIPITOR, bytes: fs.readFileSync(LIPITOR) });

  beforeAll(async () => {
    const result = await loaderFor('lipitor/lipitor-pi.pdf')?.load(input());
    if (!result?.ok) throw new Error(result?.error ?? 'no loader');
    passages = result.value.passages;
  });

  it('loads every page, with sections', () => {
    expect(checkFile(input(), { maxBytes: 25 * 1024 * 1024 })).toBeNull();
    const pages = new Set(passages.map((p) => p.page));
    expect(pages.size).toBe(39);
    expect(Math.min(...[...pages].map(Number))).toBe(1);
    expect(Math.max(...[...pages].map(Number))).toBe(39);
    expect(passages.filter((p) => p.section === null)).toEqual([]);
  });

  it('finds CONTRAINDICATIONS on page 3 under its section, with its subsections', () => {
    const contraindications = passages.filter((p) => p.section?.startsWith('4 CONTRAINDICATIONS'));
    expect(contraindications.map((p) => p.page)).toContain(3);
    expect(contraindications.map((p) => p.section)).toEqual(
      expect.arrayContaining(['4 CONTRAINDICATIONS › 4.3 Pregnancy', '4 CONTRAINDICATIONS › 4.4 Nursing mothers']),
    );
    // A contraindication that is only a heading keeps its words as text.
    expect(contraindications.some((p) => p.text.startsWith('4.1 Active liver disease'))).toBe(true);
    expect(passages.find((p) => p.section === '4 CONTRAINDICATIONS › 4.3 Pregnancy')?.text).toContain('Women who are pregnant or may become pregnant.');
  });

  it('joins headings wrapped over two lines and follows sections across page breaks', () => {
    const dosing = passages.filter((p) => p.section?.startsWith('2 DOSAGE AND ADMINISTRATION › 2.1 Hyperlipidemia'));
    expect(dosing[0]?.section).toContain('(Fredrickson Types IIa and IIb)');
    expect(dosing[0]?.text).toContain('The recommended starting dose of LIPITOR is 10 or 20 mg once daily.');
    const muscle = passages.filter((p) => p.section === '5 WARNINGS AND PRECAUTIONS › 5.1 Skeletal Muscle');
    expect(muscle.map((p) => p.page)).toEqual([3, 4, 5]);
  });

  it('drops the running footer from every page', () => {
    expect(passages.some((p) => p.text.includes('rendered from SPL XML text; not an FDA-issued PDF'))).toBe(false);
  });
});
