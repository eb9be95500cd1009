import type { RuleHit } from '../check-types.js';
import type { Span } from '../matcher.js';

export function spanHit(span: Span, detail?: string): RuleHit {
  return detail === undefined ? { start: span.start, end: span.end, match: span.text } : { start: span.start, end: span.end, match: span.text, detail };
}

/** Spans of `a` that have some span of `b` within `window` characters. */
export function near(a: readonly Span[], b: readonly Span[], window: number): Array<[Span, Span]> {
  const out: Array<[Span, Span]> = [];
  for (const x of a) {
    const y = b.find((s) => s.start - x.end <= window && x.start - s.end <= window);
    if (y) out.push([x, y]);
  }
  return out;
}

export function union(a: Span, b: Span, folded: string): Span {
  const start = Math.min(a.start, b.start);
  const end = Math.max(a.end, b.end);
  return { start, end, text: folded.slice(start, end) };
}
