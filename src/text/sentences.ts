import { isCjkCode } from './language.js';

// Words that end with a period without ending a sentence. Units ("mg.", "mL.") are not here:
// in labels "…is 40 mg. Patients…" ends a sentence, and a lowercase next word never splits.
const ABBREVIATIONS = new Set([
  'e.g', 'eg', 'i.e', 'ie', 'vs', 'v', 'viz', 'cf', 'ca', 'approx', 'dr', 'drs', 'mr', 'mrs', 'ms', 'prof',
  'st', 'jr', 'sr', 'no', 'nos', 'fig', 'figs', 'vol', 'al', 'inc', 'ltd', 'co', 'corp', 'dept', 'sec',
  'sect', 'ref', 'refs', 'eq', 'eqs', 'pp', 'incl', 'esp', 'est', 'resp', 'lb', 'lbs', 'oz', 'ft', 'in',
]);
// "Table 2. Adverse Reactions" is a caption, not two sentences.
const NUMBERED_NOUNS = new Set(['table', 'figure', 'fig', 'section', 'step', 'part', 'study', 'chapter', 'appendix', 'no']);
const LIST_MARKER = /^(?:\d{1,3}|[a-z]|[ivx]{1,5})$/i;

const CJK_TERMINATORS = new Set(['。', '！', '？', '；', '…']);
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '」', '』', '）', '】', '》']);
const ASCII_TERMINATORS = new Set(['.', '?', '!']);
const INLINE_BULLETS = new Set(['•', '▪', '●']);
const TERMINAL_AT_LINE_END = /[.!?:;。！？；：|]$/;
const CONTINUATION_START = /^[\]),.;:]/;
const MAX_BRACKET_JOIN = 3000;
const WRAPPED_LINE_CHARS = 70;
const LIST_ITEM_START = /^(?:[-•*▪●◦·–]\s|\d{1,3}[.)]\s|\(\w{1,3}\)\s)/;
// A line ending like this is cut mid-sentence: "refrigerated at 36°F to" / "46°F (2°C to 8°C)."
const OPEN_LINE_END = /(?:[,(\-–]|\b(?:to|of|and|or|the|a|an|with|in|at|for|from|by|than|between|per|as|on|is|are|be|not))$/i;

/**
 * Splits text into sentences: English sentence ends (not abbreviations, decimals, section
 * numbers or list markers), Chinese 。！？；, and lines (list items, table rows) as separate
 * units. Lines wrapped inside a sentence (PDF text) are joined again. Every non-space character
 * of the input is in exactly one returned sentence, in order.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const unit of lineUnits(text)) splitUnit(unit, out);
  return out;
}

function lineUnits(text: string): string[] {
  const lines = text.split(/\r\n?|\n|\u2028|\u2029/);
  const units: string[] = [];
  let current: string | null = null;
  let depth = 0;
  let previousBlank = true;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      previousBlank = true;
      continue;
    }
    // An open "[see … (5.1)" reference continues over blank lines too, as extracted labels split it.
    const insideBracket = depth > 0 && current !== null && current.length < MAX_BRACKET_JOIN;
    if (current !== null && (insideBracket || (!previousBlank && continuesLine(current, line)))) {
      current = joinWrapped(current, line);
      depth = Math.max(0, depth + bracketDelta(line));
    } else {
      if (current !== null) units.push(current);
      current = line;
      depth = Math.max(0, bracketDelta(line));
    }
    previousBlank = false;
  }
  if (current !== null) units.push(current);
  return units;
}

/** True when `next` is the wrapped rest of the sentence in `previous` rather than a new item. */
function continuesLine(previous: string, next: string): boolean {
  if (previous.includes('|') || next.includes('|')) return false;
  if (CONTINUATION_START.test(next)) return true;
  if (TERMINAL_AT_LINE_END.test(previous) || LIST_ITEM_START.test(next)) return false;
  const first = next.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) return true;
  if (OPEN_LINE_END.test(previous)) return true;
  // "… given as 150 mg every" / "2 weeks with …": a quantity and its unit continue the sentence.
  if (/^\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|mL|kg|%|weeks?|days?|hours?|months?|years?|times?)\b/.test(next)) return true;
  // A long line ending in a lowercase word, wrapped before a product name in capitals ("… not on
  // hemodialysis, start" / "ZORVEX at 10 mg …"): labels write the product name that way.
  if (previous.length >= WRAPPED_LINE_CHARS && /[a-z]$/.test(previous) && /^[A-Z]{3,}\b(?:\s+[a-z]|$)/.test(next)) return true;
  // "… in the approved Prescribing" / "Information. Do not …": a long line cut before a few
  // capitalised words that end the sentence (a new item would not end so soon).
  if (previous.length >= WRAPPED_LINE_CHARS && /[a-z]$/.test(previous) && /^[A-Z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*){0,3}[.;:,](?:\s|$)/.test(next)) return true;
  const last = previous.charCodeAt(previous.length - 1);
  if (isCjkCode(first) && (last === 0xff0c || last === 0x3001 || last === 0x2c)) return true;
  return isCjkCode(first) && isCjkCode(last) && previous.length >= 20;
}

function bracketDelta(line: string): number {
  let delta = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5b || c === 0x28) delta++;
    else if (c === 0x5d || c === 0x29) delta--;
  }
  return delta;
}

function joinWrapped(previous: string, next: string): string {
  if (previous.endsWith('-') && /^[a-z]/.test(next)) return previous + next;
  const glue = isCjkCode(previous.charCodeAt(previous.length - 1)) && isCjkCode(next.charCodeAt(0)) ? '' : ' ';
  return previous + glue + next;
}

function splitUnit(unit: string, out: string[]): void {
  let start = 0;
  const n = unit.length;
  for (let i = 0; i < n; i++) {
    const ch = unit[i] as string;
    let end = -1;
    if (CJK_TERMINATORS.has(ch)) {
      end = absorbClosers(unit, i + 1);
    } else if (ASCII_TERMINATORS.has(ch) || ch === ';') {
      const prev = i > 0 ? unit.charCodeAt(i - 1) : 0;
      if (isCjkCode(prev) && ch !== '.') {
        end = absorbClosers(unit, i + 1);
      } else if (ch !== ';') {
        end = englishEnd(unit, start, i);
      }
    }
    // "Other drug interactions • Coumarin anticoagulants …": a bullet inside a line starts an item.
    if (end < 0 && INLINE_BULLETS.has(ch) && i > start && /\s/.test(unit[i - 1] as string)) end = i;
    if (end < 0) continue;
    push(out, unit.slice(start, end));
    start = end;
    i = end - 1;
  }
  push(out, unit.slice(start));
}

/** Index just past an English sentence end at `i`, or -1 when this is not one. */
function englishEnd(unit: string, start: number, i: number): number {
  let j = i + 1;
  while (j < unit.length && (ASCII_TERMINATORS.has(unit[j] as string) || CLOSERS.has(unit[j] as string))) j++;
  if (j >= unit.length) return unit.length;
  const next = skipSpaces(unit, j);
  if (next === j) {
    // No space: "多少?修美乐" style Chinese after an English word still ends the sentence.
    return isCjkCode(unit.charCodeAt(j)) && unit[i] !== '.' ? j : -1;
  }
  if (next >= unit.length) return unit.length;
  // "… with statins. - The most common …": list items run together on one line.
  if (unit[next] === '-' && unit[next + 1] === ' ') return j;
  if (!startsSentence(unit.charCodeAt(next))) return -1;
  if (unit[i] === '.' && isAbbreviation(unit, start, i)) return -1;
  return j;
}

function startsSentence(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    isCjkCode(code) ||
    code === 0x22 || code === 0x27 || code === 0x28 || code === 0x5b || code === 0x201c ||
    code === 0x2022 || code === 0x2013 || code === 0x2014 || code === 0x2212 || code === 0x2265 || code === 0x2264
  );
}

function isAbbreviation(unit: string, start: number, dot: number): boolean {
  let k = dot;
  while (k > start && !/[\s([]/.test(unit[k - 1] as string)) k--;
  const word = unit.slice(k, dot);
  if (word === '') return false;
  // "… [see Warnings and Precautions (5.1)]. MALIGNANCY …": a period after a closing bracket ends the sentence.
  if (/[)\]]$/.test(word)) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || lower.includes('.')) return true;
  if (/^[A-Z]$/.test(word)) return true;
  if (/^\d+$/.test(word)) {
    const before = unit.slice(start, k).trimEnd();
    if (before === '' || /[([]$/.test(before)) return LIST_MARKER.test(word);
    const previousWord = before.slice(before.search(/\S+$/)).toLowerCase().replace(/\.$/, '');
    return NUMBERED_NOUNS.has(previousWord);
  }
  return k === start && LIST_MARKER.test(word);
}

function absorbClosers(unit: string, j: number): number {
  while (j < unit.length && (CLOSERS.has(unit[j] as string) || CJK_TERMINATORS.has(unit[j] as string))) j++;
  return j;
}

function skipSpaces(unit: string, j: number): number {
  while (j < unit.length && /\s/.test(unit[j] as string)) j++;
  return j;
}

function push(out: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed !== '') out.push(trimmed);
}
