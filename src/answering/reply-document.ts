import { assertCheckedReply } from '../compliance/checked-reply.js';
import type { AnswerReply, Citation, ObjectionReply, ObjectionScript, Reply, ReplyRoute } from './reply.js';

const MARKER = /\[(\d{1,3})\]/g;

/**
 * The `Reply` document (DESIGN.md §3) of a checked reply: the filter's text is the answer, and
 * only the citations whose marker survived the filter are listed.
 */
export function toReply(checked: AnswerReply): Reply {
  const reply = assertCheckedReply(checked);
  const body = reply.payload;
  return {
    question: body.question,
    language: body.language,
    answer: reply.text,
    citations: citedIn(reply.text, body.citations),
    route: routeOf(checked),
    compliance: structuredClone(reply.compliance) as Reply['compliance'],
  };
}

/** `toReply` plus the objection's category and script, read back from the filtered text. */
export function toObjectionReply(checked: AnswerReply): ObjectionReply {
  const reply = toReply(checked);
  const body = checked.payload;
  const script = body.scriptLabels && reply.answer !== '' ? parseScript(reply.answer, body.scriptLabels) : null;
  return { ...reply, category: body.category ?? 'other', script };
}

/** The answering route; when the filter itself routed the draft, its target (pharmacovigilance, Medical Information). */
export function routeOf(checked: AnswerReply): ReplyRoute | null {
  const own = checked.payload.route;
  if (own !== null) return own;
  const filtered = checked.compliance.route;
  return filtered === 'medical-information' || filtered === 'pharmacovigilance' ? filtered : null;
}

function citedIn(text: string, citations: readonly Citation[]): Citation[] {
  const used = new Set<number>();
  for (const m of text.matchAll(MARKER)) used.add(Number(m[1]));
  return citations.filter((c) => used.has(c.n)).map((c) => ({ ...c }));
}

/**
 * Splits "Acknowledge: …\n\nClarify: …" back into parts. Text the filter appended after the
 * last part (a safety summary) stays with `close`.
 */
export function parseScript(text: string, labels: Record<keyof ObjectionScript, string>): ObjectionScript | null {
  const order: Array<keyof ObjectionScript> = ['acknowledge', 'clarify', 'respond', 'close'];
  const starts = order.map((part) => ({ part, at: text.indexOf(`${labels[part]}`) }));
  if (starts.some((s) => s.at < 0)) return null;
  for (let i = 1; i < starts.length; i++) if ((starts[i]?.at ?? 0) < (starts[i - 1]?.at ?? 0)) return null;
  const script = {} as ObjectionScript;
  starts.forEach(({ part, at }, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1]?.at ?? text.length) : text.length;
    script[part] = text.slice(at + labels[part].length, end).trim();
  });
  return script;
}
