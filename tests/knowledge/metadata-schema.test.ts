import { describe, expect, it } from 'vitest';
import { parseDocumentMeta, parseFaqFile, parseProductCard } from '../../src/knowledge/metadata-schema.js';

const md = { file: 'zorvex/dosing.md', productFolder: 'zorvex' };
const pdf = { file: 'zorvex/label.pdf', productFolder: 'zorvex' };
const faq = { file: 'zorvex/faq.yaml', productFolder: 'zorvex' };

const valid = {
  title: 'Zorvex Dosing Guide',
  docType: 'detail-aid',
  approvalCode: 'MLR-2025-0142',
  status: 'approved',
  approvedOn: '2025-01-10',
  expiresOn: '2027-01-10',
  audience: 'hcp',
  language: 'en',
};

function error<T>(result: { ok: true; value: T } | { ok: false; error: string }): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('parseDocumentMeta', () => {
  it('accepts complete metadata and fills defaults', () => {
    const { audience: _a, language: _l, ...rest } = valid;
    expect(value(parseDocumentMeta(rest, md))).toEqual({
      title: 'Zorvex Dosing Guide',
      product: 'zorvex',
      docType: 'detail-aid',
      approvalCode: 'MLR-2025-0142',
      status: 'approved',
      approvedOn: '2025-01-10',
      expiresOn: '2027-01-10',
      audience: 'hcp',
      language: null,
    });
  });

  it('keeps an explicit product and normalises case, spacing and language tags', () => {
    const meta = value(
      parseDocumentMeta(
        { ...valid, product: 'lipitor', status: 'Approved', docType: 'Objection Handler', approvalCode: '  PP-LIP-USA-0123 ', language: 'zh-CN' },
        md,
      ),
    );
    expect(meta).toMatchObject({ product: 'lipitor', status: 'approved', docType: 'objection-handler', approvalCode: 'PP-LIP-USA-0123', language: 'zh' });
  });

  it('accepts dates parsed by YAML as Date objects and unpadded dates', () => {
    const meta = value(parseDocumentMeta({ ...valid, approvedOn: new Date('2025-01-10T00:00:00Z'), expiresOn: '2027-1-9' }, pdf));
    expect(meta.approvedOn).toBe('2025-01-10');
    expect(meta.expiresOn).toBe('2027-01-09');
  });

  it('treats absent or empty dates as null', () => {
    const { approvedOn: _a, ...rest } = valid;
    const meta = value(parseDocumentMeta({ ...rest, expiresOn: null }, pdf));
    expect(meta.approvedOn).toBeNull();
    expect(meta.expiresOn).toBeNull();
  });

  it('names the file and field of a missing approval code and says what to add', () => {
    const { approvalCode: _c, ...rest } = valid;
    expect(error(parseDocumentMeta(rest, md))).toBe(
      'zorvex/dosing.md: field "approvalCode" is missing — add the MLR approval code (e.g. approvalCode: MLR-2025-0142) to the front matter',
    );
  });

  it('points a sidecar-described file at its sidecar', () => {
    const { approvalCode: _c, ...rest } = valid;
    expect(error(parseDocumentMeta(rest, pdf))).toContain('to the sidecar label.pdf.meta.yaml');
  });

  it('lists every problem in one message', () => {
    const e = error(parseDocumentMeta({ title: 'X', docType: 'brochure', status: 'aproved', approvedOn: '2025-02-30' }, md));
    expect(e).toMatch(/^zorvex\/dosing\.md: 4 problems — \(1\) /);
    expect(e).toContain('field "docType" is "brochure" — use one of: label, faq, detail-aid, objection-handler, guideline, training, policy');
    expect(e).toContain('field "approvalCode" is missing');
    expect(e).toContain('field "status" is "aproved" — use one of: approved, draft, withdrawn');
    expect(e).toContain('field "approvedOn" is "2025-02-30", which is not a real calendar date');
  });

  it.each([
    [{ title: '' }, 'field "title" is empty — add a title'],
    [{ title: ['a'] }, 'field "title" must be text, but it is a list'],
    [{ approvalCode: '' }, 'field "approvalCode" is empty'],
    [{ approvalCode: 'TBD' }, 'field "approvalCode" is a placeholder ("TBD")'],
    [{ approvalCode: 'MLR 2025 0142' }, 'field "approvalCode" "MLR 2025 0142" is not an approval code'],
    [{ approvalCode: 142 }, 'field "approvalCode" is the number 142 — write it in quotes'],
    [{ status: undefined }, 'field "status" is missing — add status: approved'],
    [{ audience: 'doctors' }, 'field "audience" is "doctors" — use one of: hcp, internal, patient'],
    [{ language: 'fr' }, 'field "language" is "fr" — use one of: en, zh'],
    [{ expiresOn: '10/01/2027' }, 'field "expiresOn" is "10/01/2027" — write the date as YYYY-MM-DD'],
    [{ expiresOn: 20270110 }, 'field "expiresOn" is the number 20270110 — write the date as YYYY-MM-DD'],
    [{ expiresOn: '2024-12-31' }, 'field "expiresOn" (2024-12-31) is before approvedOn (2025-01-10) — check both dates'],
  ])('reports %j with file and field', (patch, message) => {
    const e = error(parseDocumentMeta({ ...valid, ...patch }, md));
    expect(e.startsWith('zorvex/dosing.md: ')).toBe(true);
    expect(e).toContain(message);
  });

  it('suggests the right spelling of a misspelt field', () => {
    const { approvalCode: _c, ...rest } = valid;
    expect(error(parseDocumentMeta({ ...rest, approval_code: 'MLR-1' }, md))).toContain(
      'there is a field "approval_code" — rename it to "approvalCode"',
    );
  });

  it('defaults docType to faq for faq.yaml, and only there', () => {
    const { docType: _d, ...rest } = valid;
    expect(value(parseDocumentMeta(rest, faq)).docType).toBe('faq');
    expect(error(parseDocumentMeta(rest, md))).toContain('field "docType" is missing');
  });

  it('refuses metadata that is not a mapping', () => {
    expect(error(parseDocumentMeta(['a'], md))).toBe('zorvex/dosing.md: the metadata must be "key: value" fields, but it is a list');
    expect(error(parseDocumentMeta(null, md))).toContain('zorvex/dosing.md: no metadata found');
  });
});

describe('parseProductCard', () => {
  const ctx = { file: 'zorvex/product.yaml', productFolder: 'zorvex' };

  it('needs only a name', () => {
    expect(value(parseProductCard({ name: 'Zorvex' }, ctx))).toEqual({
      slug: 'zorvex',
      name: 'Zorvex',
      aliases: [],
      indications: [],
      competitors: [],
      safetySummary: {},
      medicalInformation: null,
      pharmacovigilance: null,
      fictional: false,
    });
  });

  it('reads a full card, with a per-language safety summary', () => {
    const card = value(
      parseProductCard(
        {
          name: 'Zorvex',
          aliases: ['zorvastatin', '佐维斯'],
          indications: ['primary hypercholesterolemia in adults'],
          competitors: 'Crestor',
          safetySummary: { en: 'Contraindicated in active liver disease.', zh: '活动性肝病禁用。' },
          medicalInformation: 'medinfo@example.com',
          pharmacovigilance: 'Report within 24 hours to safety@example.com',
          fictional: true,
        },
        ctx,
      ),
    );
    expect(card.competitors).toEqual(['Crestor']);
    expect(card.safetySummary).toEqual({ en: 'Contraindicated in active liver disease.', zh: '活动性肝病禁用。' });
    expect(card.fictional).toBe(true);
  });

  it('files a single safety summary text under its language', () => {
    expect(value(parseProductCard({ name: 'Z', safetySummary: 'Contraindicated in pregnancy.' }, ctx)).safetySummary).toEqual({
      en: 'Contraindicated in pregnancy.',
    });
    expect(value(parseProductCard({ name: 'Z', safetySummary: '妊娠期禁用。' }, ctx)).safetySummary).toEqual({ zh: '妊娠期禁用。' });
  });

  it('reports every problem with file and field', () => {
    const e = error(
      parseProductCard({ aliases: { a: 1 }, indications: ['ok', { x: 1 }], safetySummary: { ja: '…' }, fictional: 'yes' }, ctx),
    );
    expect(e).toMatch(/^zorvex\/product\.yaml: 5 problems — /);
    expect(e).toContain('field "name" is missing — add the product\'s name (e.g. name: Zorvex) to product.yaml');
    expect(e).toContain('field "aliases" must be a list');
    expect(e).toContain('field "indications" entry 2 is a set of fields — every entry must be text');
    expect(e).toContain('field "safetySummary" has the language "ja" — use en and zh');
    expect(e).toContain('field "fictional" is "yes" — write true or false');
  });
});

describe('parseFaqFile', () => {
  const top = { title: 'Zorvex FAQ', approvalCode: 'MLR-2025-0200', status: 'approved', expiresOn: '2027-01-01' };

  it('separates the top-level fields from the items and keeps only the overrides an item sets', () => {
    const parsed = value(
      parseFaqFile(
        {
          ...top,
          items: [
            { question: 'What is the starting dose?', answer: '10 mg once daily.' },
            { question: '起始剂量是多少？', answer: '每日一次 10 mg。', language: 'zh', approvalCode: 'MLR-2025-0201' },
            { question: 'Can it be crushed?', answer: 'Pending review.', status: 'draft' },
          ],
        },
        faq,
      ),
    );
    expect(parsed.fields).toEqual(top);
    expect(parsed.items.map((i) => i.meta)).toEqual([{}, { language: 'zh', approvalCode: 'MLR-2025-0201' }, { status: 'draft' }]);
  });

  it('names the item and the field of each problem', () => {
    const e = error(
      parseFaqFile(
        {
          ...top,
          items: [
            { question: 'What is the dose?', answer: '10 mg.' },
            { question: 'Is it safe in pregnancy?' },
            { question: 'Renal?', answer: 'No change.', status: 'aproved', expiresOn: '2025-13-01' },
            'just text',
          ],
        },
        faq,
      ),
    );
    expect(e).toMatch(/^zorvex\/faq\.yaml: 4 problems — /);
    expect(e).toContain('item 2 ("Is it safe in pregnancy?"): field "answer" is missing — add the approved answer');
    expect(e).toContain('item 3 ("Renal?"): field "status" is "aproved"');
    expect(e).toContain('item 3 ("Renal?"): field "expiresOn" is "2025-13-01", which is not a real calendar date');
    expect(e).toContain('item 4 must be a question/answer pair');
  });

  it('requires a non-empty list of items', () => {
    expect(error(parseFaqFile(top, faq))).toContain('zorvex/faq.yaml: field "items" is missing');
    expect(error(parseFaqFile({ ...top, items: [] }, faq))).toContain('field "items" is an empty list');
    expect(error(parseFaqFile({ ...top, items: 'q' }, faq))).toContain('field "items" must be a list');
  });
});
