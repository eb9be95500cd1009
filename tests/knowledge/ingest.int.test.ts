import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { type Clock, fixedClock } from '../../src/core/clock.js';
import { IndexStore } from '../../src/retrieval/index-store.js';
import { createServices } from '../../src/services/create-services.js';
import { RecordingEmbeddings } from '../helpers/recording-embeddings.js';
import { approved, frontMatter, tempDir, writeKnowledge } from '../helpers/temp-knowledge.js';

const PRODUCT = `name: Zorvex\naliases: [zorvastatin, 佐维斯]\nindications: [primary hypercholesterolemia]\n`;

function sampleFolder() {
  return writeKnowledge({
    'zorvex/product.yaml': PRODUCT,
    'zorvex/dosing.md': frontMatter(
      approved('Zorvex dosing guide', 'MLR-2025-0001'),
      '## Recommended dosage\nThe recommended starting dose is 10 mg once daily. The maximum dose is 40 mg once daily.\n\n## Pediatric patients\nIn children 10 to 17 years old the dose is 10 mg to 20 mg once daily.\n',
    ),
    'zorvex/storage.md': frontMatter(
      approved('Zorvex storage', 'MLR-2025-0002', { expiresOn: '2026-06-30' }),
      '## Storage\nStore tablets at 20°C to 25°C in the original bottle. Protect from moisture.\n',
    ),
    'zorvex/draft-new-use.md': frontMatter(
      approved('Zorvex for migraine (draft)', 'MLR-2025-0003', { status: 'draft' }),
      '## Migraine\nZorvex prevents migraine attacks.\n',
    ),
    'zorvex/old-aid.md': frontMatter(
      approved('Old Zorvex aid', 'MLR-2022-0004', { approvedOn: '2022-01-10', expiresOn: '2024-12-31' }),
      '## Old claims\nZorvex lowers LDL-C by 60 percent in everyone.\n',
    ),
    'zorvex/notes.txt': 'Zorvex notes from a sales meeting: great for migraine.\n',
    'zorvex/broken.md': frontMatter({ title: 'Broken', docType: 'detail-aid', status: 'approved' }, '## X\nText.\n'),
  });
}

async function open(knowledgeDir: string, dataDir: string, clock: Clock = fixedClock('2026-01-15T09:00:00Z')) {
  const embeddings = new RecordingEmbeddings();
  const config = loadConfig({}, { knowledgeDir, dataDir });
  const services = await createServices(config, { clock, embeddings });
  return { services, embeddings };
}

describe('ingest', () => {
  it('indexes approved, unexpired material only and says why each other file was skipped', async () => {
    const kb = sampleFolder();
    const { services } = await open(kb, tempDir());
    const report = await services.ingest();
    expect(report.added).toBe(2);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['zorvex/draft-new-use.md']).toMatch(/draft/);
    expect(reasons['zorvex/old-aid.md']).toMatch(/expired on 2024-12-31/);
    expect(reasons['zorvex/notes.txt']).toMatch(/no approval metadata.*notes\.txt\.meta\.yaml/);
    expect(reasons['zorvex/broken.md']).toMatch(/approvalCode/);

    const hits = await services.search('migraine');
    expect(hits.map((h) => h.file)).not.toContain('zorvex/draft-new-use.md');
    expect(hits.map((h) => h.file)).not.toContain('zorvex/notes.txt');
    const dose = await services.search('max dose for kids?');
    expect(dose[0]?.file).toBe('zorvex/dosing.md');
    expect(dose[0]?.approvalCode).toBe('MLR-2025-0001');
  });

  it('reports every bad file by name and still indexes the good ones', async () => {
    const sidecar = (title: string) =>
      `title: ${title}\ndocType: label\napprovalCode: MLR-2025-0009\nstatus: approved\napprovedOn: 2025-01-01\nexpiresOn: 2030-01-01\n`;
    const kb = writeKnowledge({
      'zorvex/product.yaml': PRODUCT,
      'zorvex/good.md': frontMatter(approved('Good', 'MLR-2025-0001'), '## Dose\nThe maximum dose is 40 mg once daily.\n'),
      'zorvex/corrupt.pdf': Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%garbage'),
      'zorvex/corrupt.pdf.meta.yaml': sidecar('Corrupt'),
      'zorvex/gbk.txt': Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7]),
      'zorvex/gbk.txt.meta.yaml': sidecar('GBK'),
      'zorvex/picture.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'zorvex/empty.md': '',
      'zorvex/slides.pptx': Buffer.from('PK\u0003\u0004'),
      'zorvex/bad-sidecar.txt': 'Some text.\n',
      'zorvex/bad-sidecar.txt.meta.yaml': 'title: [unclosed\n',
    });
    const { services } = await open(kb, tempDir());
    const report = await services.ingest();
    expect(report.added).toBe(1);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['zorvex/corrupt.pdf']).toMatch(/PDF/);
    expect(reasons['zorvex/gbk.txt']).toMatch(/not UTF-8.*GBK/);
    expect(reasons['zorvex/picture.md']).toMatch(/PNG/);
    expect(reasons['zorvex/empty.md']).toMatch(/empty/);
    expect(reasons['zorvex/slides.pptx']).toMatch(/unsupported file type ".pptx"/);
    expect(reasons['zorvex/bad-sidecar.txt']).toMatch(/not valid YAML/);
    expect((await services.search('maximum dose'))[0]?.file).toBe('zorvex/good.md');
  });

  it('never returns a document after its expiry date, without a re-index', async () => {
    const kb = sampleFolder();
    const data = tempDir();
    const before = await open(kb, data, fixedClock('2026-06-30T20:00:00Z'));
    await before.services.ingest();
    expect((await before.services.search('storage temperature')).map((h) => h.file)).toContain('zorvex/storage.md');

    const after = await open(kb, data, fixedClock('2026-07-01T08:00:00Z'));
    const hits = await after.services.search('storage temperature');
    expect(hits.map((h) => h.file)).not.toContain('zorvex/storage.md');
    const status = await after.services.status();
    expect(status.expiredSinceIngest.map((e) => e.file)).toEqual(['zorvex/storage.md']);
  });

  it('re-embeds only the file that changed, and forgets deleted and withdrawn files', async () => {
    const kb = sampleFolder();
    const data = tempDir();
    const first = await open(kb, data);
    await first.services.ingest();

    const second = await open(kb, data);
    const unchanged = await second.services.ingest();
    expect(unchanged.unchanged).toBe(2);
    expect(second.embeddings.embeddedTexts()).toEqual([]);

    fs.appendFileSync(path.join(kb, 'zorvex/dosing.md'), '\n## Missed dose\nTake the missed dose as soon as possible within 12 hours.\n');
    const edited = await second.services.ingest();
    expect(edited.updated).toBe(1);
    expect(edited.embeddedFiles).toEqual(['zorvex/dosing.md']);
    expect(second.embeddings.embeddedTexts().join(' ')).toContain('missed dose');
    expect(second.embeddings.embeddedTexts().join(' ')).not.toContain('Store tablets');
    expect((await second.services.search('missed dose'))[0]?.text).toContain('12 hours');

    fs.rmSync(path.join(kb, 'zorvex/storage.md'));
    const removed = await second.services.ingest();
    expect(removed.removed).toBe(1);
    expect((await second.services.search('store tablets moisture')).map((h) => h.file)).not.toContain('zorvex/storage.md');

    const dosing = path.join(kb, 'zorvex/dosing.md');
    fs.writeFileSync(dosing, fs.readFileSync(dosing, 'utf8').replace('status: approved', 'status: withdrawn'));
    const withdrawn = await second.services.ingest();
    expect(withdrawn.skipped.find((s) => s.file === 'zorvex/dosing.md')?.reason).toMatch(/withdrawn/);
    expect(await second.services.search('maximum dose')).toEqual([]);

    // A fresh process sees the same state: nothing deleted comes back from disk.
    const third = await open(kb, data);
    expect(await third.services.search('maximum dose')).toEqual([]);
    expect(await third.services.search('store tablets moisture')).toEqual([]);
  });

  it('writes small updates as deltas on a snapshot and compacts them into a new snapshot', async () => {
    const kb = sampleFolder();
    const data = tempDir();
    const { services } = await open(kb, data);
    await services.ingest();
    const store = new IndexStore(data);
    const dosing = path.join(kb, 'zorvex/dosing.md');
    const layouts: Array<{ base: string; deltas: number }> = [];
    for (let i = 0; i < 20; i++) {
      fs.appendFileSync(dosing, `\n## Note ${i}\nReminder number ${'abcdefghijklmnopqrstuvwxyz'[i]}xq for the field team.\n`);
      await services.ingest();
      const manifest = await store.readManifest();
      layouts.push({ base: manifest!.layout.base, deltas: manifest!.layout.deltas.length });
    }
    expect(layouts[0]?.deltas).toBe(1);
    expect(Math.max(...layouts.map((l) => l.deltas))).toBe(16);
    expect(new Set(layouts.map((l) => l.base)).size).toBeGreaterThan(1);
    // A fresh process replays the same state, and only the generations in use are kept.
    const again = await open(kb, data);
    expect((await again.services.search('reminder txq'))[0]?.text).toContain('txq');
    expect((await again.services.search('maximum dose'))[0]?.file).toBe('zorvex/dosing.md');
    const kept = fs.readdirSync(path.join(data, 'index')).filter((n) => n.startsWith('gen-'));
    expect(kept.length).toBeLessThanOrEqual(layouts.at(-1)!.deltas + 2);
  });

  it('re-embeds everything when the embedding model changes', async () => {
    const kb = sampleFolder();
    const data = tempDir();
    await (await open(kb, data)).services.ingest();
    const other = new (class extends RecordingEmbeddings {
      override readonly modelId = 'test-model-v2';
    })();
    const services = await createServices(loadConfig({}, { knowledgeDir: kb, dataDir: data }), {
      clock: fixedClock('2026-01-15T09:00:00Z'),
      embeddings: other,
    });
    const report = await services.ingest();
    expect(report.rebuilt).toMatch(/embedding model changed/);
    expect(report.added).toBe(2);
    expect(other.embeddedTexts().length).toBeGreaterThan(0);
    expect((await services.status()).embeddingModel).toBe('test-model-v2');
  });

  it('names a missing knowledge folder and how to point at the right one', async () => {
    const { services } = await open(path.join(tempDir(), 'nope'), tempDir());
    await expect(services.ingest()).rejects.toThrow(/knowledge folder .*nope does not exist/);
  });

  it('leaves the previous index answering when the embedding provider fails mid-ingest', async () => {
    const kb = sampleFolder();
    const data = tempDir();
    const { services, embeddings } = await open(kb, data);
    await services.ingest();
    fs.appendFileSync(path.join(kb, 'zorvex/dosing.md'), '\n## Renal impairment\nNo dose adjustment is needed.\n');
    embeddings.failOnText = /Renal impairment/;
    await expect(services.ingest()).rejects.toMatchObject({ code: 'EMBEDDING_FAILED' });
    const again = await open(kb, data);
    expect((await again.services.search('maximum dose'))[0]?.file).toBe('zorvex/dosing.md');
  });

  it('reports status by product and approval state, with expiring material', async () => {
    const kb = sampleFolder();
    const { services } = await open(kb, tempDir(), fixedClock('2026-06-10T09:00:00Z'));
    await services.ingest();
    const status = await services.status();
    const zorvex = status.products.find((p) => p.product === 'zorvex');
    expect(zorvex?.name).toBe('Zorvex');
    expect(zorvex?.byStatus).toMatchObject({ indexed: 2, draft: 1, expired: 1, 'no-approval': 2 });
    expect(status.expiringSoon).toEqual([
      expect.objectContaining({ file: 'zorvex/storage.md', expiresOn: '2026-06-30', daysLeft: 20 }),
    ]);
    expect(status.index?.chunks).toBeGreaterThan(0);
  });
});
