/**
 * Splits text into pieces of at most `max` characters, breaking at the gentlest boundary that
 * fits: a blank line, a line end, a sentence end (English or Chinese), a space, and only then
 * mid-word. Nothing is dropped: joining the pieces gives back the text (bar the whitespace at
 * the breaks).
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = breakPoint(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head !== '') pieces.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

const BOUNDARIES: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?。！？；;](?=\s|$)|[。！？；]/g, /\s/g];

function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const m of window.matchAll(boundary)) {
      const end = m.index + m[0].length;
      if (end <= max && end > max / 3) best = end;
    }
    if (best > 0) return best;
  }
  // No boundary in reach: cut, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
