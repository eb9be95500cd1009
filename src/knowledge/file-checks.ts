import path from 'node:path';
import type { FileInput } from './loaders/loader.js';
import { decodeUtf8 } from './text-encoding.js';

const TEXT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.yaml', '.yml']);
const PDF_SEARCH_BYTES = 1024;

interface Magic {
  bytes: number[];
  what: string;
  /** The extension the file probably should have, when repbot can read that format. */
  renameTo?: string;
}

const MAGIC: Magic[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF', renameTo: '.pdf' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP file (a Word .docx is one)', renameTo: '.docx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office file (.doc/.xls/.ppt)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

/**
 * Problems that make a file unusable before any parser runs: empty, too large, the wrong
 * format under a familiar extension, or text that is not UTF-8. Returns a reason a person can
 * act on, or null when the file may be loaded.
 */
export function checkFile(input: FileInput, limits: { maxBytes: number }): string | null {
  const { bytes } = input;
  const ext = path.extname(input.relPath).toLowerCase();
  if (bytes.length === 0) return 'empty file (0 bytes) — export or copy it again, or delete it';
  if (bytes.length > limits.maxBytes) {
    return (
      `too large: ${megabytes(bytes.length)} MB, over the ${megabytes(limits.maxBytes)} MB limit — ` +
      'split it into smaller documents or compress its images (REPBOT_MAX_FILE_MB raises the limit)'
    );
  }
  if (ext === '.pdf') return checkPdf(bytes);
  if (ext === '.docx') return checkDocx(bytes);
  if (TEXT_EXTENSIONS.has(ext)) return checkText(bytes, ext);
  return null;
}

function checkPdf(bytes: Buffer): string | null {
  if (bytes.subarray(0, PDF_SEARCH_BYTES).includes('%PDF')) return null;
  const magic = sniff(bytes);
  if (magic) return `not a PDF: it looks like ${magic.what} renamed to .pdf — ${renameAdvice(magic)}`;
  if (/^\s*<(!doctype html|html)/i.test(bytes.subarray(0, 256).toString('latin1'))) {
    return 'not a PDF: it is a web page (often a failed download or a login page) — download the PDF again';
  }
  return 'not a PDF (it does not start with %PDF) — export or download the document again as PDF';
}

function checkDocx(bytes: Buffer): string | null {
  const magic = sniff(bytes);
  if (magic?.renameTo === '.docx') return null;
  if (magic?.bytes[0] === 0xd0) {
    return 'not a .docx: it is an old Word .doc or a password-protected document — open it in Word and save it as .docx without a password';
  }
  if (magic) return `not a Word .docx: it looks like ${magic.what} renamed to .docx — ${renameAdvice(magic)}`;
  return 'not a Word .docx (it is not a ZIP container) — open it in Word and save it again as .docx';
}

function checkText(bytes: Buffer, ext: string): string | null {
  const magic = sniff(bytes);
  if (magic) {
    return `binary content: it looks like ${magic.what} renamed to ${ext} — ${renameAdvice(magic)}`;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded.error;
  if (decoded.value.includes('\0')) {
    return `binary content (NUL bytes) in a ${ext} file — it is not plain text; provide the document as text, PDF or DOCX`;
  }
  if (decoded.value.trim() === '') return 'empty file (only whitespace) — add the approved text or delete the file';
  return null;
}

function sniff(bytes: Buffer): Magic | null {
  return MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b)) ?? null;
}

function renameAdvice(magic: Magic): string {
  if (magic.renameTo) return `rename it to ${magic.renameTo} if that is what it is`;
  return 'repbot reads text only: provide the document as PDF, DOCX, Markdown, HTML or TXT';
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  if (mb >= 10) return mb.toFixed(0);
  if (mb >= 1) return mb.toFixed(1).replace(/\.0$/, '');
  return String(Number(mb.toPrecision(2)));
}
