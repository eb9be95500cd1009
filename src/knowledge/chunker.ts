import { createHash } from 'node:crypto';
import { detectLanguage } from '../text/language.js';
import { splitSentences } from '../text/sentences.js';
import { CAPTION, TABLE_ROW_END } from '../text/table-lines.js';
import type { Chunk, DocumentMeta, Passage } from './types.js';

/** Bump when chunking or a loader's output changes, so cached chunks of unchanged files are rebuilt. */
export const CHUNKER_VERSION = 'chunker-v2';

export interface ChunkOptions {
  /** Upper bound of a chunk, in width units (a CJK character counts 2, anything else 1). */
  maxWidth: number;
  /** Sentences of at most this width are repeated at the start of the next chunk. */
  overlapWidth: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxWidth: 900, overlapWidth: 200 };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function textWidth(text: string): number {
  return text.length + (text.match(CJK)?.length ?? 0);
}

/**
 * Splits a file's passages into chunks. Passages (pages, sections, FAQ pairs) are never
 * merged, so every chunk keeps one page and one section for its citation; long passages are
 * cut at sentence ends (English and Chinese), with a short overlap.
 */
export function chunkPassages(
  file: string,
  passages: Passage[],
  meta: DocumentMeta,
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): Chunk[] {
  const chunks: Chunk[] = [];
  for (const passage of passages) {
    const passageMeta = { ...meta, ...passage.meta };
    for (const text of splitPassage(passage.text, options)) {
      const ordinal = chunks.length;
      chunks.push({
        id: `${file}#${ordinal}-${createHash('sha1').update(text).digest('hex').slice(0, 8)}`,
        text,
        file,
        title: passageMeta.title,
        page: passage.page,
        section: passage.section,
        product: passageMeta.product,
        docType: passageMeta.docType,
        approvalCode: passageMeta.approvalCode,
        status: passageMeta.status,
        approvedOn: passageMeta.approvedOn,
        expiresOn: passageMeta.expiresOn,
        audience: passageMeta.audience,
        language: passageMeta.language ?? detectLanguage(text),
      });
    }
  }
  return chunks;
}

function splitPassage(text: string, options: ChunkOptions): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (textWidth(trimmed) <= options.maxWidth) return [trimmed];
  const pieces: string[] = [];
  let current: Sentence[] = [];
  let width = 0;
  const flush = () => {
    if (current.length > 0) pieces.push(joinSentences(current));
  };
  for (const sentence of sentenceLines(trimmed).flatMap((s) => hardSplit(s, options.maxWidth))) {
    const w = textWidth(sentence.text);
    if (width + w > options.maxWidth && current.length > 0) {
      flush();
      const last = current[current.length - 1] as Sentence;
      const lastWidth = textWidth(last.text);
      current = lastWidth <= options.overlapWidth && lastWidth + w <= options.maxWidth ? [last] : [];
      width = current.length > 0 ? lastWidth : 0;
    }
    current.push(sentence);
    width += w;
  }
  flush();
  return pieces;
}

/** A sentence of the passage, and whether a line break comes before it in the passage's text. */
interface Sentence {
  text: string;
  newLine: boolean;
}

/**
 * The passage's sentences, each marked when a line break precedes it: a table row, list item
 * or heading ("PASI 100 29 <1", "Table 2: Efficacy Results …") is a line of its own, and stays
 * one in the chunk, so splitting the chunk again does not run it into the next sentence.
 * `splitSentences` keeps every non-space character in order, so the breaks are found by walking
 * the text alongside.
 */
function sentenceLines(text: string): Sentence[] {
  const out: Sentence[] = [];
  let pos = 0;
  for (const sentence of splitSentences(text)) {
    let newLine = false;
    while (pos < text.length && /\s/.test(text[pos] as string)) {
      if (text[pos] === '\n') newLine = true;
      pos++;
    }
    out.push({ text: sentence, newLine: newLine && out.length > 0 });
    let left = sentence.replace(/\s+/g, '').length;
    while (pos < text.length && left > 0) {
      if (!/\s/.test(text[pos] as string)) left--;
      pos++;
    }
  }
  return out;
}

/** A "sentence" longer than a chunk (a long table row, an unpunctuated list) is cut at spaces. */
function hardSplit(sentence: Sentence, maxWidth: number): Sentence[] {
  if (textWidth(sentence.text) <= maxWidth) return [sentence];
  const out: Sentence[] = [];
  let rest = sentence.text;
  while (textWidth(rest) > maxWidth) {
    let cut = Math.floor(maxWidth / (textWidth(rest) / rest.length));
    const space = rest.lastIndexOf(' ', cut);
    if (space > cut / 2) cut = space;
    out.push({ text: rest.slice(0, cut).trim(), newLine: out.length === 0 && sentence.newLine });
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') out.push({ text: rest, newLine: false });
  return out;
}

/**
 * Sentences back into a chunk's text. Lines the first reading of a PDF took for items of their
 * own are often wrapped prose ("… 72% White, 16%" / "Asian, 9% Black …"), which a space joins
 * again. Only a table row (a line ending in two figures: "PASI 100 29 <1", "ACR20 response 58
 * 27") and a table caption keep their own line.
 */
function joinSentences(sentences: Sentence[]): string {
  let out = '';
  let previous = '';
  for (const { text: s, newLine } of sentences) {
    const ownLine = newLine && (TABLE_ROW_END.test(previous) || CAPTION.test(previous) || CAPTION.test(s));
    if (out === '') out = s;
    else if (!newLine && /[\u3400-\u9fff。！？；：，]$/.test(out) && /^[\u3400-\u9fff]/.test(s)) out += s;
    else out += (out.endsWith('\n') ? '' : ownLine || s.startsWith('|') || out.includes('|') ? '\n' : ' ') + s;
    previous = s;
  }
  return out;
}
