import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// Captured before anything loads pdf-parse: the test file's own imports do not.
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

it('loading and parsing a real PDF leaves Array.prototype.push and JSON.parse native (pdf.js polyfills are undone)', async () => {
  const { pdfLoader } = await import('../../src/knowledge/loaders/pdf-loader.js');
  expect(Array.prototype.push).toBe(nativePush);
  const file = path.resolve(import.meta.dirname, '../../knowledge/calmira/calmira-prescribing-information.pdf');
  const loaded = await pdfLoader.load({ relPath: 'calmira/calmira-prescribing-information.pdf', absPath: file, bytes: readFileSync(file) });
  expect(loaded.ok).toBe(true);
  expect(Array.prototype.push).toBe(nativePush);
  expect(JSON.parse).toBe(nativeJsonParse);
  const list: number[] = [];
  expect(list.push(1, 2)).toBe(2);
  expect(list).toEqual([1, 2]);
});
