import type { Heading } from './passage-builder.js';

export type HeadingStyle = 'hash' | 'plain';

export interface DetectedHeading extends Heading {
  /** Text after the heading on the same line ("【禁忌】对本品过敏者禁用。"). */
  rest?: string;
}

// Unnumbered ALL-CAPS headings nest under numbered ones and replace each other.
const CAPS_LEVEL = 9;
const HASH = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(\S.*)$/;
const ZH_BRACKET = /^【([^】]{1,20})】\s*(.*)$/;
const ZH_CHAPTER = /^(第[一二三四五六七八九十百\d]+[章节部分]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*(.+)$/;

/**
 * How a text without markup marks its headings: extracted labels use markdown `#` prefixes,
 * other text numbered ("2.1 Recommended Dosage") or ALL-CAPS lines. A document that uses `#`
 * headings is read by those alone, so ALL-CAPS sentences in its body are not mistaken for them.
 */
export function headingStyleOf(lines: Iterable<string>): HeadingStyle {
  let hashes = 0;
  for (const line of lines) {
    if (HASH.test(line.trim()) && ++hashes >= 2) return 'hash';
  }
  return 'plain';
}

/** The heading a single line of plain text is, or null for body text. */
export function detectHeading(rawLine: string, style: HeadingStyle): DetectedHeading | null {
  const line = rawLine.trim();
  if (line === '') return null;
  const hash = HASH.exec(line);
  if (hash) {
    const title = hash[2] ?? '';
    // In text that does not use # headings, "# of patients" (a table header) is not one.
    if (style === 'plain' && !/^[A-Z\d\u3400-\u9fff]/.test(title)) return null;
    return { level: hash[1]?.length ?? 1, title };
  }
  if (style === 'hash' || line.length > 120) return null;
  return numbered(line) ?? chinese(line) ?? allCaps(line);
}

function numbered(line: string): DetectedHeading | null {
  const m = NUMBERED.exec(line);
  if (!m) return null;
  const [, number = '', title = ''] = m;
  const depth = number.split('.').length;
  const top = Number(number.split('.')[0]);
  if (top < 1 || top > 40 || !looksLikeTitle(title)) return null;
  // "1 INDICATIONS" is a heading; "1 Take with food" or "1. Active liver disease" are list items.
  if (depth === 1 && !isAllCaps(title)) return null;
  if (!/^[A-Z\u3400-\u9fff]/.test(title)) return null;
  return { level: depth, title: `${number} ${title}` };
}

function chinese(line: string): DetectedHeading | null {
  const bracket = ZH_BRACKET.exec(line);
  if (bracket) {
    const rest = bracket[2]?.trim() ?? '';
    return { level: 1, title: `【${bracket[1] ?? ''}】`, ...(rest ? { rest } : {}) };
  }
  const chapter = ZH_CHAPTER.exec(line);
  if (chapter && line.length <= 30 && !/[。；，,.]$/.test(line)) {
    return { level: chapter[1]?.startsWith('（') ? 2 : 1, title: line };
  }
  return null;
}

function allCaps(line: string): DetectedHeading | null {
  if (line.length > 60 || line.split(/\s+/).length > 8) return null;
  if (!/^[A-Z]/.test(line) || !looksLikeTitle(line) || !isAllCaps(line)) return null;
  if ((line.match(/[A-Z]/g)?.length ?? 0) < 4) return null;
  // "PASI 75 78 6", "PASI 100 29 <1": a table row whose cells came apart with spaces, not a title.
  if ((line.match(/(?:^|\s)[<>≤≥]?\d[\d.,]*%?(?=\s|$)/g)?.length ?? 0) >= 2) return null;
  return { level: CAPS_LEVEL, title: line };
}

function looksLikeTitle(text: string): boolean {
  return text.length <= 100 && !/[|\t]/.test(text) && !/[,;]$/.test(text) && !/[^.]\.$/.test(text);
}

function isAllCaps(text: string): boolean {
  return /[A-Z]/.test(text) && !/[a-z]/.test(text);
}
