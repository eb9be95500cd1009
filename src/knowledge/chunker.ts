import { createHash } from 'node:crypto';
import { detectLanguage } from '../text/language.js';
import { splitSentences } from '../text/sentences.js';
import type { Chunk, DocumentMeta, Passage } from './types.js';

/** Bump when chunking changes, so cached chunks of unchanged files are rebuilt. */
export const CHUNKER_VERSION = 'chunker-v1';

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
  let current: string[] = [];
  let width = 0;
  const flush = () => {
    if (current.length > 0) pieces.push(joinSentences(current));
  };
  for (const sentence of splitSentences(trimmed).flatMap((s) => hardSplit(s, options.maxWidth))) {
    const w = textWidth(sentence);
    if (width + w > options.maxWidth && current.length > 0) {
      flush();
      const last = current[current.length - 1] ?? '';
      const lastWidth = textWidth(last);
      current = lastWidth <= options.overlapWidth && lastWidth + w <= options.maxWidth ? [last] : [];
      width = current.length > 0 ? lastWidth : 0;
    }
    current.push(sentence);
    width += w;
  }
  flush();
  return pieces;
}

/** A "sentence" longer than a chunk (a long table row, an unpunctuated list) is cut at spaces. */
function hardSplit(sentence: string, maxWidth: number): string[] {
  if (textWidth(sentence) <= maxWidth) return [sentence];
  const out: string[] = [];
  let rest = sentence;
  while (textWidth(rest) > maxWidth) {
    let cut = Math.floor(maxWidth / (textWidth(rest) / rest.length));
    const space = rest.lastIndexOf(' ', cut);
    if (space > cut / 2) cut = space;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') out.push(rest);
  return out;
}

function joinSentences(sentences: string[]): string {
  let out = '';
  for (const s of sentences) {
    if (out === '') out = s;
    else if (/[\u3400-\u9fff。！？；：，]$/.test(out) && /^[\u3400-\u9fff]/.test(s)) out += s;
    else out += (out.endsWith('\n') ? '' : s.startsWith('|') || out.includes('|') ? '\n' : ' ') + s;
  }
  return out;
}
