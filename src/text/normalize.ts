export interface NormalizeOptions {
  /** Keep line breaks (list items and table rows stay apart); horizontal whitespace still collapses. */
  keepLines?: boolean;
}

const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/g;
// NFKC folds "º" (masculine ordinal) to "o", which labels use as a degree sign: "36ºF".
const ORDINAL_AS_DEGREE = /(\d\s?)[º˚]/g;
const HORIZONTAL_SPACE = /[^\S\n]+/g;
const ANY_SPACE = /\s+/g;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Canonical text for matching: NFKC (full-width letters, digits and punctuation become
 * half-width, ℃ becomes °C), no zero-width characters, collapsed whitespace. Case is kept.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  let out = text;
  if (NON_ASCII.test(out)) {
    out = out.replace(ORDINAL_AS_DEGREE, '$1°').normalize('NFKC').replace(ZERO_WIDTH, '');
  }
  if (!options.keepLines) return out.replace(ANY_SPACE, ' ').trim();
  return out
    .replace(/\r\n?/g, '\n')
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
