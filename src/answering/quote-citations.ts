import type { Chunk } from '../knowledge/types.js';
import type { Citation } from './reply.js';
import type { ReplySource } from './reply-filter.js';

/** Where a cited passage comes from, as a citation shows it: document, page, section, approval and expiry. */
export function citedSource(chunk: Chunk): Omit<Citation, 'n' | 'quote'> {
  return {
    file: chunk.file,
    title: chunk.title,
    page: chunk.page,
    section: chunk.section,
    approvalCode: chunk.approvalCode,
    expiresOn: chunk.expiresOn,
  };
}

/** A verbatim approved sentence and where it comes from. */
export interface Quote {
  text: string;
  chunk: Chunk;
}

export interface NumberedQuotes {
  /** Each quote with its citation marker number. */
  quotes: Array<Quote & { n: number }>;
  citations: Citation[];
  /** The cited passages, for the compliance filter's grounding check. */
  sources: ReplySource[];
}

/** One citation per source passage, numbered in order of first use; its quote is the sentences taken from it. */
export function numberQuotes(quotes: readonly Quote[], firstNumber = 1): NumberedQuotes {
  const byChunk = new Map<string, { n: number; chunk: Chunk; texts: string[] }>();
  const numbered = quotes.map((q) => {
    let entry = byChunk.get(q.chunk.id);
    if (!entry) {
      entry = { n: firstNumber + byChunk.size, chunk: q.chunk, texts: [] };
      byChunk.set(q.chunk.id, entry);
    }
    if (!entry.texts.includes(q.text)) entry.texts.push(q.text);
    return { ...q, n: entry.n };
  });
  const citations = [...byChunk.values()].map(
    ({ n, chunk, texts }): Citation => ({ n, ...citedSource(chunk), quote: texts.join(' … ') }),
  );
  const sources = [...byChunk.values()].map(({ chunk }): ReplySource => ({ id: chunk.id, text: chunk.text, approvalCode: chunk.approvalCode }));
  return { quotes: numbered, citations, sources };
}
