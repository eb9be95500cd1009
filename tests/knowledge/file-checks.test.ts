import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/knowledge/file-checks.js';
import { decodeUtf8 } from '../../src/knowledge/text-encoding.js';

const MB = 1024 * 1024;
const check = (name: string, bytes: Buffer | string, maxBytes = 25 * MB) =>
  checkFile({ relPath: `zorvex/${name}`, absPath: `/kb/zorvex/${name}`, bytes: Buffer.from(bytes) }, { maxBytes });

describe('checkFile', () => {
  it('passes ordinary files', () => {
    expect(check('a.md', '# Dosing\n10 mg once daily.\n')).toBeNull();
    expect(check('a.pdf', '%PDF-1.7\n…')).toBeNull();
    expect(check('a.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBeNull();
    expect(check('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('UTF-8 with a BOM')]))).toBeNull();
    expect(check('a.txt', '中文说明书')).toBeNull();
  });

  it('finds %PDF after leading junk within the first KiB', () => {
    expect(check('a.pdf', `${' '.repeat(500)}%PDF-1.4`)).toBeNull();
    expect(check('a.pdf', `${' '.repeat(1100)}%PDF-1.4`)).toMatch(/^not a PDF/);
  });

  it('reports empty and whitespace-only files', () => {
    expect(check('a.pdf', '')).toBe('empty file (0 bytes) — export or copy it again, or delete it');
    expect(check('a.md', ' \n\t\n')).toBe('empty file (only whitespace) — add the approved text or delete the file');
  });

  it('reports oversized files with size and limit in MB', () => {
    expect(check('big.pdf', Buffer.alloc(3 * MB, 0x41), 2 * MB)).toBe(
      'too large: 3 MB, over the 2 MB limit — split it into smaller documents or compress its images (REPBOT_MAX_FILE_MB raises the limit)',
    );
    expect(check('big.md', 'x'.repeat(2000), 1000)).toMatch(/^too large: 0\.0019 MB, over the 0\.00095 MB limit/);
  });

  it.each([
    ['a.md', Buffer.from('%PDF-1.7 binary'), 'binary content: it looks like a PDF renamed to .md — rename it to .pdf if that is what it is'],
    ['a.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'binary content: it looks like a PNG image renamed to .md — repbot reads text only'],
    ['a.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'binary content: it looks like a JPEG image renamed to .txt'],
    ['a.html', Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'it looks like a ZIP file (a Word .docx is one) renamed to .html — rename it to .docx'],
    ['faq.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04]), 'renamed to .yaml'],
    ['a.md', Buffer.from('text\0with NUL'), 'binary content (NUL bytes) in a .md file'],
  ])('reports binary content in %s', (name, bytes, reason) => {
    expect(check(name, bytes)).toContain(reason);
  });

  it('reports a .pdf that is not a PDF, and says what it is when it can tell', () => {
    expect(check('a.pdf', 'Hello')).toBe('not a PDF (it does not start with %PDF) — export or download the document again as PDF');
    expect(check('a.pdf', '<!DOCTYPE html><html>Sign in')).toContain('not a PDF: it is a web page');
    expect(check('a.pdf', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toContain('renamed to .pdf — rename it to .docx');
  });

  it('reports a .docx that is not a ZIP, recognising old and protected Word files', () => {
    expect(check('a.docx', 'plain text')).toBe('not a Word .docx (it is not a ZIP container) — open it in Word and save it again as .docx');
    expect(check('a.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toContain('old Word .doc or a password-protected document');
  });

  it('reports non-UTF-8 text with the encoding it looks like', () => {
    const gbk = check('a.txt', Buffer.from([0xc4, 0xe3, 0xba, 0xc3])); // 你好 in GBK
    expect(gbk).toBe(
      'is not UTF-8 text (invalid byte 0xC4 at line 1); it looks like Chinese GBK/GB18030 text — re-save it as UTF-8 (in most editors: Save As → Encoding: UTF-8)',
    );
    expect(check('a.md', Buffer.from('line 1\nCaf\xe9 au lait\n', 'latin1'))).toContain(
      '(invalid byte 0xE9 at line 2); it may be Windows-1252/Latin-1 text',
    );
  });

  it('reports UTF-16 by its byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Dosing', 'utf16le')]);
    expect(check('a.txt', utf16)).toBe(
      'is UTF-16 text (it starts with a UTF-16 byte-order mark) — re-save it as UTF-8 (in most editors: Save As → Encoding: UTF-8)',
    );
  });

  it('recognises UTF-16 without a byte-order mark', () => {
    expect(check('a.md', Buffer.from('# Dosing\n10 mg once daily\n', 'utf16le'))).toMatch(/^is UTF-16 text without a byte-order mark/);
    expect(check('a.md', Buffer.from('# Dosing\n10 mg once daily\n', 'utf16le').swap16())).toMatch(/^is UTF-16 text without a byte-order mark/);
  });

  it('leaves unknown extensions to the caller', () => {
    expect(check('a.xlsx', 'whatever')).toBeNull();
  });
});

describe('decodeUtf8', () => {
  it('drops a UTF-8 byte-order mark', () => {
    const r = decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x41]));
    expect(r).toEqual({ ok: true, value: 'A' });
  });
});
