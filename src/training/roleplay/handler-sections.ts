import type { Chunk, Language } from '../../knowledge/types.js';
import type { ObjectionCategory } from '../../answering/reply.js';

/** One section of an approved objection handler, split into its four steps. */
export interface HandlerSection {
  chunk: Chunk;
  category: ObjectionCategory;
  language: Language;
  /** What HCPs say, quoted in the section ("Zorvex is too expensive."). */
  objections: string[];
  acknowledge: string;
  clarify: string;
  respond: string;
  close: string;
}

const STEP = (names: string) =>
  new RegExp(`(?:^|\\s)(?:\\*\\*)?(?:${names})(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?\\s*([\\s\\S]*?)(?=\\s(?:\\*\\*)?(?:Acknowledge|Clarify|Respond|Response|Close|认同|澄清|回应|收尾)(?:\\*\\*)?\\s*[:：]|$)`);
const ACK = STEP('Acknowledge|认同');
const CLARIFY = STEP('Clarify|澄清');
const RESPOND = STEP('Respond|Response|回应');
const CLOSE = STEP('Close|收尾');
/** *"…"* and *“…”* (a slash may join two quotes). */
const QUOTE = /["“]([^"”]{4,200})["”]/g;

/**
 * Splits an objection-handler chunk into quotes and steps; null when it has no Respond step
 * (an introduction). `category` is decided by the caller (the heading classifies it).
 * Limits: expects the handler layout of knowledge/README.md (the four bold step labels).
 */
export function parseHandlerSection(chunk: Chunk, category: ObjectionCategory): HandlerSection | null {
  const text = chunk.text.replace(/\r\n/g, '\n');
  const respond = RESPOND.exec(text)?.[1]?.trim();
  if (!respond) return null;
  const firstStep = text.search(/(?:\*\*)?(?:Acknowledge|认同)(?:\*\*)?\s*[:：]/);
  const head = firstStep > 0 ? text.slice(0, firstStep) : '';
  const objections = [...head.matchAll(QUOTE)].map((m) => (m[1] ?? '').trim()).filter((q) => q !== '');
  const clean = (s: string | undefined) => (s ?? '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  return {
    chunk,
    category,
    language: chunk.language,
    objections,
    acknowledge: clean(ACK.exec(text)?.[1]),
    clarify: clean(CLARIFY.exec(text)?.[1]),
    respond: clean(respond),
    close: clean(CLOSE.exec(text)?.[1]),
  };
}
