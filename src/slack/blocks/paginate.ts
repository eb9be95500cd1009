import type { Language } from '../../knowledge/types.js';
import type { Block, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { uiTexts } from './ui-texts.js';

/**
 * Lays blocks out as messages of at most 50 blocks: the body in order, the footer (sources,
 * compliance line, buttons) whole and at the end. Later messages say "continued (2/3)" so a
 * long answer is visibly split, never cut.
 */
export function paginate(body: readonly Block[], footer: readonly Block[], text: string, language: Language): SlackMessage[] {
  const max = BLOCK_KIT_LIMITS.blocksPerMessage;
  if (body.length + footer.length <= max) return [{ text, blocks: [...body, ...footer] }];
  const perPage = max - 1; // room for the "continued" marker
  const pages: Block[][] = [];
  let rest = [...body];
  while (rest.length > 0) {
    pages.push(rest.slice(0, perPage));
    rest = rest.slice(perPage);
  }
  const last = pages[pages.length - 1] ?? [];
  if (last.length + footer.length > perPage) pages.push([...footer]);
  else pages[pages.length - 1] = [...last, ...footer];
  // A footer longer than a page (dozens of sources) continues over further pages.
  const laidOut = pages.flatMap((p) => chunk(p, perPage));
  const t = uiTexts(language);
  return laidOut.map((blocks, i) => ({
    text: i === 0 ? text : `${text} (${t.continued(i + 1, laidOut.length)})`,
    blocks: i === 0 ? blocks : [{ type: 'context', elements: [{ type: 'mrkdwn', text: `_${t.continued(i + 1, laidOut.length)}_` }] }, ...blocks],
  }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
