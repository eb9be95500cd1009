import { chunkSentences } from '../../answering/extract/chunk-sentences.js';
import type { Chunk } from '../../knowledge/types.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokenize.js';
import { parseHandlerSection } from '../roleplay/handler-sections.js';
import type { EvidenceMatch } from './attempt.js';

const MIN_TOKENS = 4;

interface ApprovedSentence {
  text: string;
  tokens: ReadonlySet<string>;
  chunk: Chunk;
}

/**
 * Finds, for each statement a rep made, the approved sentence that says most nearly the same
 * thing: the share of the statement's content words (stemmed; CJK bigrams) found in one approved
 * sentence. Questions and short sentences (under four content words) are not evidence.
 * From an objection handler only the Respond step counts: its acknowledge, clarify and close
 * lines are technique, not evidence.
 * Limits: word overlap, not meaning — a paraphrase with other words scores low, and a sentence
 * that copies approved words in a different order scores high (the accuracy and compliance
 * lines catch changed figures and claims).
 */
export class EvidenceMatcher {
  private readonly sentences: ApprovedSentence[];

  constructor(chunks: readonly Chunk[]) {
    this.sentences = chunks.flatMap((chunk) => evidenceSentences(chunk).map((text) => ({ text, tokens: new Set(tokenize(text)), chunk })));
  }

  /** The best match for each statement of the turn (those at or above `minOverlap`). */
  match(turnText: string, turn: number, minOverlap: number): EvidenceMatch[] {
    const out: EvidenceMatch[] = [];
    for (const sentence of splitSentences(turnText)) {
      const trimmed = sentence.trim();
      if (/[?？]\s*$/.test(trimmed)) continue;
      const tokens = new Set(tokenize(trimmed));
      if (tokens.size < MIN_TOKENS) continue;
      let best: { s: ApprovedSentence; share: number } | null = null;
      for (const s of this.sentences) {
        let hits = 0;
        for (const t of tokens) if (s.tokens.has(t)) hits++;
        const share = hits / tokens.size;
        if (!best || share > best.share) best = { s, share };
      }
      if (best && best.share >= minOverlap) {
        const { chunk } = best.s;
        out.push({
          turn,
          sentence: trimmed,
          overlap: Math.round(best.share * 100) / 100,
          quote: best.s.text,
          chunkId: chunk.id,
          file: chunk.file,
          title: chunk.title,
          section: chunk.section,
          page: chunk.page,
          approvalCode: chunk.approvalCode,
        });
      }
    }
    return out;
  }
}

function evidenceSentences(chunk: Chunk): string[] {
  if (chunk.docType !== 'objection-handler') return chunkSentences(chunk, 0).map((c) => c.text);
  const respond = parseHandlerSection(chunk, 'other')?.respond;
  return respond ? splitSentences(respond).map((s) => s.trim()).filter((s) => s !== '') : [];
}
