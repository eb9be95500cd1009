import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/knowledge/file-checks.js';
import { loaderFor } from '../../src/knowledge/loaders/index.js';
import type { FileInput } from '../../src/knowledge/loaders/loader.js';
import { parseDocumentMeta } from '../../src/knowledge/metadata-schema.js';
import { readSidecar } from '../../src/knowledge/read-sidecar.js';
import type { LoadedFile } from '../../src/knowledge/types.js';
import {
  PNG_BYTES,
  corruptDocx,
  corruptPdf,
  encryptedPdf,
  fixtureDir,
  imageOnlyPdf,
  labelPdf,
  makeDocx,
  runningHeaderPdf,
  twoLineFooterPdf,
  pageBreakSentencePdf,
  writeInput,
} from './make-fixtures.js';

let dir: string;
beforeAll(() => {
  dir = fixtureDir();
});

/** What ingest does with one file: the checks, then the format's loader. */
async function ingestOne(input: FileInput, maxBytes = 25 * 1024 * 1024): Promise<{ ok: true; value: LoadedFile } | { ok: false; error: string }> {
  const problem = checkFile(input, { maxBytes });
  if (problem) return { ok: false, error: problem };
  const loader = loaderFor(input.relPath);
  if (!loader) return { ok: false, error: 'unsupported' };
  return loader.load(input);
}

async function loaded(input: FileInput): Promise<LoadedFile> {
  const r = await ingestOne(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function failure(input: FileInput, maxBytes?: number): Promise<string> {
  const r = await ingestOne(input, maxBytes);
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

describe('PDF', () => {
  it('gives one passage per section run per page, with 1-based pages, and keeps table rows as lines', async () => {
    const { passages, frontMatter } = await loaded(writeInput(dir, 'label.pdf', await labelPdf()));
    expect(frontMatter).toBeNull();
    expect(passages.map((p) => [p.page, p.section])).toEqual([
      [1, null],
      [1, '1 INDICATIONS AND USAGE'],
      [1, '2 DOSAGE AND ADMINISTRATION › 2.1 Recommended Dosage'],
      [2, '2 DOSAGE AND ADMINISTRATION › 2.1 Recommended Dosage'],
      [2, '2 DOSAGE AND ADMINISTRATION › 2.2 Dose Adjustment in Renal Impairment'],
      [4, '4 CONTRAINDICATIONS'],
    ]);
    expect(passages[2]?.text).toBe('The recommended starting dose is 10 mg once daily, with or without food.');
    const table = passages[4]?.text.split('\n') ?? [];
    expect(table[0]).toBe('Table 1. Dose by renal function');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(/^>= 60\s.*10 mg\s.*40 mg$/);
    // Page 3 is blank: no passage for it.
    expect(passages.some((p) => p.page === 3)).toBe(false);
  });

  it('drops running headers and page numbers, but not numbers that are content', async () => {
    const { passages } = await loaded(writeInput(dir, 'aid.pdf', await runningHeaderPdf()));
    expect(passages.map((p) => [p.page, p.text])).toEqual([
      [1, 'Body text of page 1. The starting dose is 5 mg.\n100'],
      [2, 'Body text of page 2. The starting dose is 10 mg.\n200'],
      [3, 'Body text of page 3. The starting dose is 15 mg.\n300'],
      [4, 'Body text of page 4. The starting dose is 20 mg.\n400'],
    ]);
  });

  it('drops a running footer of two lines, not the numbers above it', async () => {
    const { passages } = await loaded(writeInput(dir, 'label.pdf', await twoLineFooterPdf()));
    expect(passages.map((p) => p.text)).toEqual([1, 2, 3, 4].map((n) => `Body text of page ${n}. The starting dose is ${n * 5} mg and\ncontinues here. Cell ${n * 100}\n${n * 100}`));
  });

  it('finishes a sentence cut by a page break on the page where it starts', async () => {
    const { passages } = await loaded(writeInput(dir, 'break.pdf', await pageBreakSentencePdf()));
    expect(passages.map((p) => [p.page, p.text])).toEqual([
      [1, 'In the pooled trials, Zorvex 10 mg lowered LDL-C by 39% from baseline. The reduction was evident by\nWeek 4 and was maintained through Week 12.'],
      [2, 'At Week 12, 64% of patients had an LDL-C below 100 mg/dL.\nLDL-C 39 2'],
      [3, 'HDL-C 6 1'],
    ]);
  });

  it('refuses a password-protected PDF', async () => {
    expect(await failure(writeInput(dir, 'locked.pdf', await encryptedPdf()))).toBe(
      'password-protected — ask the owner for an unprotected copy (or remove the password and save again)',
    );
  });

  it('refuses a truncated PDF as unreadable', async () => {
    expect(await failure(writeInput(dir, 'broken.pdf', await corruptPdf()))).toMatch(
      /^not a readable PDF \(.+\) — export or download it again and check that it opens$/,
    );
  });

  it('refuses a PDF without text as a probable scan', async () => {
    expect(await failure(writeInput(dir, 'scan.pdf', await imageOnlyPdf()))).toBe(
      "no extractable text in 2 page(s) (scanned image?) — provide a text PDF or an OCR'd copy",
    );
  });

  it('refuses a text file renamed to .pdf before parsing it', async () => {
    expect(await failure(writeInput(dir, 'notes.pdf', 'just some notes'))).toMatch(/^not a PDF/);
  });
});

describe('DOCX', () => {
  it('turns headings into sections and tables into "cell | cell" rows', async () => {
    const { passages } = await loaded(writeInput(dir, 'aid.docx', await makeDocx()));
    expect(passages).toEqual([
      { text: 'Fictional product for testing only.', page: null, section: 'Zorvex Detail Aid' },
      { text: 'LDL-C was reduced by 38% at week 12.', page: null, section: 'Efficacy' },
      {
        text: 'A randomised, double-blind, 12-week study in 480 adults.\nArm | LDL-C change\nZorvex 10 mg | -38%',
        page: null,
        section: 'Efficacy › Study design',
      },
      { text: 'The most common adverse reactions were headache and nausea.', page: null, section: 'Safety' },
    ]);
  });

  it('refuses a corrupt .docx', async () => {
    expect(await failure(writeInput(dir, 'broken.docx', await corruptDocx()))).toMatch(
      /^not a readable Word document \(.*zip.*\) — open it in Word and save it again as \.docx$/i,
    );
  });
});

describe('HTML', () => {
  it('drops scripts, styles and navigation, splits at h1–h3 and flattens tables', async () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body>
      <nav><a href="/">Home</a> | <a href="/products">Products</a></nav>
      <h1>Zorvex FAQ page</h1><p>Intro for HCPs &amp; pharmacists.</p>
      <h2>Dosing</h2><p>Start at <b>10</b>&nbsp;mg<br>once daily.</p>
      <ul><li>Take with water</li><li>With or without food</li></ul>
      <h3>Renal impairment</h3>
      <table><thead><tr><th>eGFR</th><th>Dose</th></tr></thead><tbody><tr><td>&lt; 30</td><td>5 mg</td></tr></tbody></table>
      <script>track("x")</script>
      <h2>Storage</h2><div>Store below 25 °C.</div></body></html>`;
    const { passages } = await loaded(writeInput(dir, 'faq-page.html', html));
    expect(passages).toEqual([
      { text: 'Intro for HCPs & pharmacists.', page: null, section: 'Zorvex FAQ page' },
      { text: 'Start at 10 mg\nonce daily.\n• Take with water\n• With or without food', page: null, section: 'Dosing' },
      { text: 'eGFR | Dose\n< 30 | 5 mg', page: null, section: 'Dosing › Renal impairment' },
      { text: 'Store below 25 °C.', page: null, section: 'Storage' },
    ]);
    expect(JSON.stringify(passages)).not.toMatch(/track|color|Products/);
  });
});

describe('Markdown', () => {
  it('returns the front matter and one passage per heading, with nested section paths', async () => {
    const md = [
      '---',
      'title: Zorvex Dosing Guide',
      'docType: detail-aid',
      'approvalCode: MLR-2025-0142',
      'status: approved',
      'approvedOn: 2025-01-10',
      'expiresOn: 2027-01-10',
      '---',
      'Preamble before any heading.',
      '',
      '# Dosing',
      'Start at **10 mg** once daily. See [the label](https://example.com/label).',
      '## Adults',
      '| Population | Dose |',
      '|---|---|',
      '| Adults | 10 mg |',
      '### Elderly',
      'No adjustment.',
      '<!-- MLR reviewer note: check claim 3 -->',
      '```',
      '# not a heading',
      '```',
      '#### Footnote',
      'Detail text.',
      'Renal',
      '-----',
      'Reduce to 5 mg.',
      '# Storage',
      'Below 25 °C.',
    ].join('\n');
    const { passages, frontMatter } = await loaded(writeInput(dir, 'dosing.md', md));
    expect(frontMatter).toEqual({
      title: 'Zorvex Dosing Guide',
      docType: 'detail-aid',
      approvalCode: 'MLR-2025-0142',
      status: 'approved',
      approvedOn: '2025-01-10',
      expiresOn: '2027-01-10',
    });
    expect(passages).toEqual([
      { text: 'Preamble before any heading.', page: null, section: null },
      { text: 'Start at 10 mg once daily. See the label.', page: null, section: 'Dosing' },
      { text: 'Population | Dose\nAdults | 10 mg', page: null, section: 'Dosing › Adults' },
      { text: 'No adjustment.\n\n# not a heading\nFootnote\nDetail text.', page: null, section: 'Dosing › Adults › Elderly' },
      { text: 'Reduce to 5 mg.', page: null, section: 'Dosing › Renal' },
      { text: 'Below 25 °C.', page: null, section: 'Storage' },
    ]);
    expect(parseDocumentMeta(frontMatter, { file: 'zorvex/dosing.md', productFolder: 'zorvex' }).ok).toBe(true);
  });

  it('reports broken front matter with its line', async () => {
    expect(await failure(writeInput(dir, 'bad-fm.md', '---\ntitle: X\nstatus: [approved\n---\n# A\nText\n'))).toMatch(
      /^front matter is not valid YAML at line \d+, column \d+ \(.+\) — fix the syntax/,
    );
    expect(await failure(writeInput(dir, 'open-fm.md', '---\ntitle: X\n# A\nText\n'))).toBe(
      'front matter starts with --- on line 1 but is never closed — add a line with --- after the metadata',
    );
  });
});

describe('TXT', () => {
  it('splits at heading-like lines', async () => {
    const txt = 'ZORVEX QUICK FACTS\nFictional product.\n\n1 INDICATIONS\nHyperlipidemia.\n\n2.1 Recommended Dosage\n10 mg daily.\n';
    const { passages } = await loaded(writeInput(dir, 'facts.txt', txt));
    expect(passages).toEqual([
      { text: 'Fictional product.', page: null, section: 'ZORVEX QUICK FACTS' },
      { text: 'Hyperlipidemia.', page: null, section: '1 INDICATIONS' },
      { text: '10 mg daily.', page: null, section: '1 INDICATIONS › 2.1 Recommended Dosage' },
    ]);
  });

  it('reads Chinese label headings', async () => {
    const txt = '【适应症】\n原发性高胆固醇血症。\n【用法用量】口服，一次10 mg，一日一次。\n';
    const { passages } = await loaded(writeInput(dir, 'zh.txt', txt));
    expect(passages).toEqual([
      { text: '原发性高胆固醇血症。', page: null, section: '【适应症】' },
      { text: '口服，一次10 mg，一日一次。', page: null, section: '【用法用量】' },
    ]);
  });
});

describe('faq.yaml', () => {
  it('gives one Q/A passage per item, with per-item approval overrides as meta', async () => {
    const yaml = [
      'title: Zorvex FAQ',
      'approvalCode: MLR-2025-0200',
      'status: approved',
      'approvedOn: 2025-01-10',
      'expiresOn: 2027-01-10',
      'items:',
      '  - question: What is the starting dose?',
      '    answer: 10 mg once daily.',
      '  - question: 起始剂量是多少？',
      '    answer: 每日一次，每次 10 mg。',
      '    language: zh',
      '    approvalCode: MLR-2025-0201',
      '  - question: Can the tablet be crushed?',
      '    answer: Not yet reviewed.',
      '    status: draft',
    ].join('\n');
    const { passages, frontMatter } = await loaded(writeInput(dir, 'faq.yaml', yaml));
    expect(frontMatter).toEqual({
      title: 'Zorvex FAQ',
      approvalCode: 'MLR-2025-0200',
      status: 'approved',
      approvedOn: '2025-01-10',
      expiresOn: '2027-01-10',
    });
    expect(passages).toEqual([
      { text: 'Q: What is the starting dose?\nA: 10 mg once daily.', page: null, section: 'What is the starting dose?' },
      {
        text: 'Q: 起始剂量是多少？\nA: 每日一次，每次 10 mg。',
        page: null,
        section: '起始剂量是多少？',
        meta: { language: 'zh', approvalCode: 'MLR-2025-0201' },
      },
      { text: 'Q: Can the tablet be crushed?\nA: Not yet reviewed.', page: null, section: 'Can the tablet be crushed?', meta: { status: 'draft' } },
    ]);
    expect(parseDocumentMeta(frontMatter, { file: 'zorvex/faq.yaml', productFolder: 'zorvex' })).toMatchObject({
      ok: true,
      value: { docType: 'faq', product: 'zorvex' },
    });
  });

  it('names the file, item and field of a bad item', async () => {
    const yaml = 'title: FAQ\napprovalCode: MLR-1\nstatus: approved\nitems:\n  - question: Dose?\n    answer: 10 mg.\n    status: aproved\n';
    expect(await failure(writeInput(dir, 'faq.yaml', yaml))).toBe(
      'zorvex/faq.yaml: item 1 ("Dose?"): field "status" is "aproved" — use one of: approved, draft, withdrawn',
    );
  });

  it('reports invalid YAML with its line', async () => {
    expect(await failure(writeInput(dir, 'faq.yaml', 'title: FAQ\nitems:\n  - question: a: b\n'))).toMatch(
      /^the FAQ file is not valid YAML at line 3, column \d+/,
    );
  });
});

describe('files that cannot be used', () => {
  it('reports GBK text as not UTF-8', async () => {
    expect(await failure(writeInput(dir, 'gbk.txt', Buffer.from([0xc4, 0xe3, 0xba, 0xc3])))).toContain(
      'is not UTF-8 text (invalid byte 0xC4 at line 1); it looks like Chinese GBK/GB18030 text — re-save it as UTF-8',
    );
  });

  it('reports Latin-1 markdown as not UTF-8', async () => {
    expect(await failure(writeInput(dir, 'latin1.md', Buffer.from('# Caf\xe9\n', 'latin1')))).toContain('Windows-1252/Latin-1');
  });

  it('reports UTF-16 text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Dosing\n10 mg\n', 'utf16le')]);
    expect(await failure(writeInput(dir, 'utf16.md', bytes))).toMatch(/^is UTF-16 text .* re-save it as UTF-8/);
  });

  it('reports a PNG renamed to .md', async () => {
    expect(await failure(writeInput(dir, 'image.md', PNG_BYTES))).toContain('it looks like a PNG image renamed to .md');
  });

  it('reports an empty file', async () => {
    expect(await failure(writeInput(dir, 'empty.md', ''))).toBe('empty file (0 bytes) — export or copy it again, or delete it');
  });

  it('reports an oversized file', async () => {
    expect(await failure(writeInput(dir, 'label.pdf', await labelPdf()), 1024)).toMatch(/^too large: [\d.]+ MB, over the 0\.00098 MB limit — split it/);
  });

  it('has no loader for unsupported types', () => {
    expect(loaderFor('zorvex/slides.pptx')).toBeNull();
    expect(loaderFor('zorvex/old.doc')).toBeNull();
    expect(loaderFor('zorvex/data.yaml')).toBeNull();
    expect(loaderFor('zorvex/dosing-faq.yaml')?.kind).toBe('faq');
    expect(loaderFor('zorvex/Guide.MD')?.kind).toBe('markdown');
  });
});

describe('readSidecar', () => {
  it('is null without a sidecar and reads one when present', async () => {
    const doc = writeInput(dir, 'sidecar/label.pdf', await labelPdf());
    expect(await readSidecar(doc.absPath)).toEqual({ ok: true, value: null });
    fs.writeFileSync(`${doc.absPath}.meta.yaml`, 'title: Label\napprovedOn: 2025-01-10\n');
    expect(await readSidecar(doc.absPath)).toEqual({ ok: true, value: { title: 'Label', approvedOn: '2025-01-10' } });
  });

  it('also reads .meta.yml, and an empty sidecar is no fields', async () => {
    const abs = path.join(dir, 'sidecar/other.pdf');
    fs.writeFileSync(`${abs}.meta.yml`, '');
    expect(await readSidecar(abs)).toEqual({ ok: true, value: {} });
  });

  it('names the sidecar and the YAML line of a syntax error', async () => {
    const abs = path.join(dir, 'sidecar/broken.pdf');
    fs.writeFileSync(`${abs}.meta.yaml`, 'title: Label\nstatus: approved\napprovalCode: MLR: 1\n');
    const r = await readSidecar(abs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^sidecar broken\.pdf\.meta\.yaml is not valid YAML at line 3, column \d+ \(.+\) — fix the syntax/);
  });

  it('refuses a sidecar that is a list or not UTF-8', async () => {
    const abs = path.join(dir, 'sidecar/list.pdf');
    fs.writeFileSync(`${abs}.meta.yaml`, '- title\n- status\n');
    expect(await readSidecar(abs)).toEqual({ ok: false, error: 'sidecar list.pdf.meta.yaml must be a set of "key: value" fields, but it is a list' });
    const gbk = path.join(dir, 'sidecar/gbk.pdf');
    fs.writeFileSync(`${gbk}.meta.yaml`, Buffer.from([0x74, 0x3a, 0x20, 0xc4, 0xe3]));
    const r = await readSidecar(gbk);
    expect(r.ok ? '' : r.error).toMatch(/^sidecar gbk\.pdf\.meta\.yaml is not UTF-8 text/);
  });
});
