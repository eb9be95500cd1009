import { type Result, fail, ok } from '../core/result.js';

const RESAVE = 're-save it as UTF-8 (in most editors: Save As → Encoding: UTF-8)';

/**
 * Decodes a text file that must be UTF-8. A UTF-8 byte-order mark is dropped silently;
 * UTF-16 and legacy encodings (GBK, Windows-1252) are refused with a reason that names them.
 */
export function decodeUtf8(bytes: Uint8Array): Result<string, string> {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return fail(`is UTF-16 text (it starts with a UTF-16 byte-order mark) — ${RESAVE}`);
  }
  if (looksLikeBomlessUtf16(bytes)) {
    return fail(`is UTF-16 text without a byte-order mark (every other byte is zero) — ${RESAVE}`);
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where = at === null ? '' : ` (invalid byte 0x${hex(bytes[at.offset])} at line ${at.line})`;
    return fail(`is not UTF-8 text${where}; it ${guessEncoding(bytes)} — ${RESAVE}`);
  }
}

/** ASCII written as UTF-16 has a zero in every other byte. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  if (sample.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  return Math.max(evenZeros, oddZeros) >= half * 0.8 && Math.min(evenZeros, oddZeros) <= half * 0.05;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

function guessEncoding(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return 'looks like Chinese GBK/GB18030 text';
  } catch {
    // not GBK either
  }
  return 'may be Windows-1252/Latin-1 text';
}

function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } | null {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) line++;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { offset: i, line };
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return { offset: i, line };
    }
    i += length;
  }
  return null;
}
