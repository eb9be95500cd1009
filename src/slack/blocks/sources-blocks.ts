import type { Citation } from '../../answering/reply.js';
import type { Language } from '../../knowledge/types.js';
import { escapeMrkdwn, fitPlainText } from './mrkdwn.js';
import type { ContextBlock } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { uiTexts } from './ui-texts.js';

/** A cited source as the sources block shows it; `expiresOn` is shown when known. */
export type SourceCitation = Pick<Citation, 'n' | 'title' | 'page' | 'section' | 'approvalCode'> & Partial<Pick<Citation, 'expiresOn'>>;

/** "[1] Title · p. 3 · Section · `MLR-2025-0142` · expires 2027-01-10", one context block per source. */
export function sourcesBlocks(citations: readonly SourceCitation[], language: Language): ContextBlock[] {
  if (citations.length === 0) return [];
  const t = uiTexts(language);
  const lines = citations.map((c): ContextBlock => {
    const parts = [
      `*[${c.n}]* ${escapeMrkdwn(c.title)}`,
      ...(c.page !== null ? [t.page(c.page)] : []),
      ...(c.section ? [escapeMrkdwn(fitPlainText(c.section, 300))] : []),
      `\`${escapeMrkdwn(c.approvalCode)}\``,
      ...(c.expiresOn ? [t.expires(c.expiresOn)] : []),
    ];
    return { type: 'context', elements: [{ type: 'mrkdwn', text: fitPlainText(parts.join(' · '), BLOCK_KIT_LIMITS.contextText) }] };
  });
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `📄 *${t.sources}*` }] }, ...lines];
}
