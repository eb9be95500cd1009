import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import type { FileInput } from '../../src/knowledge/loaders/loader.js';

export function fixtureDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'repbot-loaders-'));
}

/** Writes bytes to `dir/name` and returns the loader input for it. */
export function writeInput(dir: string, name: string, content: string | Buffer): FileInput {
  const absPath = path.join(dir, name);
  fs.mkdirSync(path.dirname(absPath), { recursive: true });
  fs.writeFileSync(absPath, content);
  return { relPath: `zorvex/${name}`, absPath, bytes: fs.readFileSync(absPath) };
}

function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, ...options });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/**
 * A four-page label-like PDF: numbered section headings, a heading change mid-page, a section
 * running over a page break, a table on page 2, a blank page 3 and a last section on page 4.
 */
export function labelPdf(): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 50 }, (doc) => {
    doc.fontSize(16).text('ZORVEX (fictional) PRESCRIBING INFORMATION');
    doc.fontSize(12).text('1 INDICATIONS AND USAGE');
    doc.fontSize(10).text('Zorvex is indicated for the treatment of fictional hyperlipidemia in adults.');
    doc.fontSize(12).text('2 DOSAGE AND ADMINISTRATION');
    doc.fontSize(11).text('2.1 Recommended Dosage');
    doc.fontSize(10).text('The recommended starting dose is 10 mg once daily, with or without food.');
    doc.addPage();
    doc.fontSize(10).text('Doses above 40 mg have not been studied.');
    doc.fontSize(11).text('2.2 Dose Adjustment in Renal Impairment');
    doc.fontSize(10).text('Table 1. Dose by renal function');
    doc.table({
      data: [
        ['eGFR (mL/min)', 'Starting dose', 'Maximum dose'],
        ['>= 60', '10 mg', '40 mg'],
        ['30 to 59', '5 mg', '20 mg'],
      ],
    });
    doc.addPage();
    doc.addPage();
    doc.fontSize(12).text('4 CONTRAINDICATIONS');
    doc.fontSize(10).text('Active liver disease. Hypersensitivity to any component of Zorvex.');
  });
}

/** Four pages, each with the same running header and a "Page N of 4" footer around its text. */
export function runningHeaderPdf(): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 72 }, (doc) => {
    for (let n = 1; n <= 4; n++) {
      if (n > 1) doc.addPage();
      doc.fontSize(8).text('Zorvex (fictional) detail aid · MLR-2025-0142', 72, 30, { lineBreak: false });
      doc.fontSize(11).text(`Body text of page ${n}. The starting dose is ${n * 5} mg.`, 72, 100);
      doc.text(String(n * 100), 72, 130);
      doc.page.margins.bottom = 0;
      doc.fontSize(8).text(`Page ${n} of 4`, 72, doc.page.height - 40, { lineBreak: false });
    }
  });
}

/** A running footer of two lines (title over code and page number) and page-specific numbers at the edges of the body. */
export function twoLineFooterPdf(): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 72 }, (doc) => {
    for (let n = 1; n <= 4; n++) {
      if (n > 1) doc.addPage();
      doc.fontSize(11).text(`Body text of page ${n}. The starting dose is ${n * 5} mg and`, 72, 100);
      doc.text(`continues here. Cell ${n * 100}`, 72, 120);
      doc.text(String(n * 100), 72, 140);
      doc.page.margins.bottom = 0;
      doc.fontSize(8).text('ZORVEX (zorvastatin) tablets — Prescribing Information (FICTIONAL)', 72, doc.page.height - 60, { lineBreak: false });
      doc.fontSize(8).text(`MLR-2025-0101 | Page ${n} of 4`, 72, doc.page.height - 40, { lineBreak: false });
    }
  });
}

/** A sentence cut by a page break, then a table row at the top of the next page after a page that ends in a cell. */
export function pageBreakSentencePdf(): Promise<Buffer> {
  return renderPdf({ size: 'A4', margin: 72 }, (doc) => {
    doc.fontSize(11).text('In the pooled trials, Zorvex 10 mg lowered LDL-C by 39% from baseline. The reduction was evident by', 72, 100, { lineBreak: false });
    doc.addPage();
    doc.text('Week 4 and was maintained through Week 12.', 72, 100, { lineBreak: false });
    doc.text('At Week 12, 64% of patients had an LDL-C below 100 mg/dL.', 72, 120, { lineBreak: false });
    doc.text('LDL-C 39 2', 72, 140, { lineBreak: false });
    doc.addPage();
    doc.text('HDL-C 6 1', 72, 100, { lineBreak: false });
  });
}

export function encryptedPdf(): Promise<Buffer> {
  return renderPdf({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' }, (doc) => {
    doc.text('Confidential launch plan.');
  });
}

/** A PDF whose only content is a drawn shape, as a scanned page looks to a text extractor. */
export function imageOnlyPdf(): Promise<Buffer> {
  return renderPdf({}, (doc) => {
    doc.rect(50, 50, 300, 400).fill('#888888');
    doc.addPage();
    doc.circle(200, 200, 80).fill('#444444');
  });
}

export async function corruptPdf(): Promise<Buffer> {
  const whole = await labelPdf();
  return whole.subarray(0, Math.floor(whole.length / 3));
}

export function makeDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Zorvex Detail Aid', heading: HeadingLevel.TITLE }),
          new Paragraph('Fictional product for testing only.'),
          new Paragraph({ text: 'Efficacy', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('LDL-C was reduced by '), new TextRun({ text: '38%', bold: true }), new TextRun(' at week 12.')] }),
          new Paragraph({ text: 'Study design', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('A randomised, double-blind, 12-week study in 480 adults.'),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Arm')] }), new TableCell({ children: [new Paragraph('LDL-C change')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Zorvex 10 mg')] }), new TableCell({ children: [new Paragraph('-38%')] })] }),
            ],
          }),
          new Paragraph({ text: 'Safety', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('The most common adverse reactions were headache and nausea.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Starts like a ZIP (so the container check passes) but is cut short. */
export async function corruptDocx(): Promise<Buffer> {
  const whole = await makeDocx();
  return whole.subarray(0, 200);
}

export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
