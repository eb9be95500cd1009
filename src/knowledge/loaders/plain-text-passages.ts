import type { Passage } from '../types.js';
import { type DetectedHeading, type HeadingStyle, detectHeading, headingStyleOf } from './heading-detector.js';
import { PassageBuilder } from './passage-builder.js';

export interface PageLines {
  page: number | null;
  lines: string[];
}

// A heading line this close to the text's wrap width may continue on the next line.
const WRAPPED_SHARE = 0.8;
const OPEN_END = /(?:[,(\-–]|\b(?:and|or|of|the|in|for|to|with|without|a|an|by|from))$/i;

/**
 * Passages of text without markup (PDF pages, .txt): a new passage at every detected heading
 * and every page. The heading in force carries over page breaks.
 */
export function plainTextPassages(pages: PageLines[]): Passage[] {
  const all = pages.flatMap((p) => p.lines);
  const style = headingStyleOf(all);
  const wrapWidth = Math.max(0, ...all.map((l) => l.trim().length));
  const found = all.map((l) => detectHeading(l, style)).filter((h): h is DetectedHeading => h !== null);
  const titleHeading = style === 'hash' && found[0]?.level === 1 && found.filter((h) => h.level === 1).length === 1;

  const builder = new PassageBuilder({ titleHeading });
  for (const page of pages) {
    builder.setPage(page.page);
    const lines = page.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const heading = detectHeading(line, style);
      if (!heading) {
        builder.line(line);
        continue;
      }
      const next = lines[i + 1];
      if (next !== undefined && continuesHeading(line, next, style, wrapWidth)) {
        heading.title = `${heading.title} ${next.trim()}`;
        i++;
      }
      builder.heading(heading);
      if (heading.rest) builder.line(heading.rest);
    }
  }
  return builder.finish();
}

/** A long heading wrapped by the PDF's layout: "2.1 Hyperlipidemia … and Mixed Dyslipidemia" / "(Types IIa and IIb)". */
function continuesHeading(line: string, next: string, style: HeadingStyle, wrapWidth: number): boolean {
  const head = line.trim();
  const tail = next.trim();
  if (tail === '' || head.length < wrapWidth * WRAPPED_SHARE || detectHeading(tail, style)) return false;
  return /^[a-z(]/.test(tail) || OPEN_END.test(head);
}
