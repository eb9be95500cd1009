/** A replacement of draft[start, end) by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits to a text. Overlapping edits merge into one that covers both (the first one's
 * replacement wins), so a redaction never leaves part of an identifier behind.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Edit[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    if (last && e.start < last.end) last.end = Math.max(last.end, e.end);
    else merged.push({ ...e });
  }
  let out = text;
  for (const e of merged.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
