import type { Chunk } from '../../knowledge/types.js';
import { perIndexedChunk } from '../../retrieval/per-indexed-chunk.js';
import { splitSentences } from '../../text/sentences.js';
import { TABLE_CAPTION } from '../../text/table-lines.js';

export type CandidateKind = 'sentence' | 'table-row';

/** An approved sentence that might answer the question, verbatim (list and FAQ markers removed). */
export interface Candidate {
  text: string;
  kind: CandidateKind;
  chunk: Chunk;
  /** Index of the search hit the chunk came from (0 = best). */
  hit: number;
  /** Index of the sentence within its chunk. */
  position: number;
  /** The sentence ends in a colon and table rows follow it ("… adverse reactions were as follows:"). */
  introducesRows?: boolean;
  /** A table row: the caption of its table ("Table 1. Adverse Reactions Reported by ≥5% …"), when the passage has one. */
  caption?: string;
  /** A table row: its table's header row ("Adverse Reaction | Calmira % | Placebo %"), which names the columns. */
  header?: string;
}

// Cells of a table row, one per line: "17% |", "(N=705) |", "≥ 2.0 |".
const CELL_ONLY = /^[\s\d.,%()<>≥≤=Nn×x+\-–/]*\|\s*$/;
const ENDS_WITH_CELL = /\|\s*$/;
const QUESTION_MARK = /^(?:Q|问|问题)\s*[:：]/;
const ANSWER_MARK = /^(?:A|答|回答)\s*[:：]\s*/;
const LIST_MARK = /^(?:[-•*▪●◦·–]\s+|\d{1,2}[.)]\s+(?=[A-Z\u4e00-\u9fff]))/;
const MARKDOWN = /\*\*|__|^#{1,6}\s+/g;
const DISCLAIMER = /^(?:FICTIONAL SAMPLE|虚构示例)\b|^(?:FICTIONAL SAMPLE|虚构示例)/i;

/**
 * The sentences of a chunk, each verbatim from the approved text: table cells joined back into
 * rows ("Upper respiratory infection | 17% | 13% |"), FAQ questions left out (they ask, not
 * answer), "A:" and list markers and markdown emphasis removed.
 */
export function chunkSentences(chunk: Chunk, hit: number): Candidate[] {
  return sentencesOf(chunk).map((s) => ({ ...s, hit }));
}

/** The sentences of each indexed chunk, split once: the same passages come back for question after question. */
const sentencesOf: (chunk: Chunk) => ReadonlyArray<Omit<Candidate, 'hit'>> = perIndexedChunk((chunk) => splitChunk(chunk));

function splitChunk(chunk: Chunk): Array<Omit<Candidate, 'hit'>> {
  const out: Array<Omit<Candidate, 'hit'>> = [];
  let position = 0;
  let caption: string | undefined;
  let header: string | undefined;
  let headerBefore = false;
  for (const raw of splitSentences(joinTableRows(chunk.text))) {
    const isRow = raw.includes('|');
    if (TABLE_CAPTION.test(raw)) caption = raw;
    if (QUESTION_MARK.test(raw)) continue;
    const text = cleanSentence(raw);
    if (!isRow) header = undefined;
    // A header row ("Adverse Reaction | Calmira % | Placebo %") labels figures but states none: it is
    // kept with the rows it names, not quoted alone; a disclaimer banner answers nothing. Header
    // cells a label's text gives one per line ("Adverse Reaction |", "VIAGRA |") make one header.
    const isHeader = isRow && isHeaderRow(text);
    if (isHeader) header = headerBefore ? `${header} ${text}` : text;
    headerBefore = isHeader;
    const skip = isHeader || DISCLAIMER.test(text);
    if (text !== '' && !skip) out.push({ text, kind: isRow ? 'table-row' : 'sentence', chunk, position, ...(isRow && caption ? { caption } : {}), ...(isRow && header ? { header } : {}) });
    position++;
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const c = out[i] as Omit<Candidate, 'hit'>;
    if (/[:：]$/.test(c.text) && out[i + 1]?.kind === 'table-row') c.introducesRows = true;
  }
  return out;
}

/** A sentence without the "A:" of a FAQ answer, list markers and markdown emphasis (the words stay verbatim). */
export function cleanSentence(raw: string): string {
  return raw.replace(ANSWER_MARK, '').replace(LIST_MARK, '').replace(MARKDOWN, '').trim();
}

/** "Adverse Reaction | Calmira % | Placebo %", "不良反应 | 佐维斯10毫克 % | 安慰剂 %": column labels, no values. */
function isHeaderRow(row: string): boolean {
  return !/\d/.test(row) || /[^\d\s.]\s*%\s*(?:\||$)/.test(row);
}

/** True for "Q: …" lines of a FAQ: they ask, not answer. */
export function isQuestionLine(raw: string): boolean {
  return QUESTION_MARK.test(raw);
}

/**
 * "Headache |\n16% |\n21% |" → "Headache | 16% | 21% |": a row label and the numeric cells after
 * it; and a label cell with the one value cell after it ("15 kg to <30 kg | 20 mg every other week |").
 */
export function joinTableRows(text: string): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const isCell = ENDS_WITH_CELL.test(line);
    const previousIsCell = previous !== undefined && ENDS_WITH_CELL.test(previous);
    const valueAfterLabel = previousIsCell && isCell && cellCount(previous) === 1 && /^\s*\d/.test(line) && !CELL_ONLY.test(previous);
    if (previousIsCell && ((CELL_ONLY.test(line) && isCell) || valueAfterLabel)) {
      out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

function cellCount(row: string): number {
  return (row.match(/\|/g) ?? []).length;
}
