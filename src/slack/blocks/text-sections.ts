import { escapeMrkdwn } from './mrkdwn.js';
import type { SectionBlock } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { splitText } from './split-text.js';

/** Escaped mrkdwn pieces of at most `max` characters each (escaping lengthens text, so each piece is checked after). */
export function mrkdwnPieces(text: string, max: number = BLOCK_KIT_LIMITS.sectionText): string[] {
  const fit = (raw: string, budget: number): string[] =>
    splitText(raw, budget).flatMap((piece) => {
      const escaped = escapeMrkdwn(piece);
      return escaped.length <= max ? [escaped] : fit(piece, Math.max(1, Math.floor((budget * max) / escaped.length) - 1));
    });
  return fit(text, max);
}

/** Text as as many section blocks as it needs (3,000 characters each). */
export function textSections(text: string): SectionBlock[] {
  return mrkdwnPieces(text).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

/** A section whose first line is a bold label, followed by the text (split across sections if long). */
export function labelledSections(label: string, text: string): SectionBlock[] {
  const heading = `*${escapeMrkdwn(label)}*\n`;
  const pieces = mrkdwnPieces(text, BLOCK_KIT_LIMITS.sectionText - heading.length);
  const [first = '', ...rest] = pieces;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: `${heading}${first}` } },
    ...rest.map((piece): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text: piece } })),
  ];
}

/** Mrkdwn the caller already escaped and formatted, split (at line ends first) into sections. */
export function formattedSections(mrkdwn: string): SectionBlock[] {
  return splitText(mrkdwn, BLOCK_KIT_LIMITS.sectionText).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}
