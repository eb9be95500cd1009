import type { AnswerReply } from '../../answering/reply.js';
import { assertCheckedReply } from '../../compliance/checked-reply.js';
import type { SlackMessage } from './slack-message.js';
import { textSections } from './text-sections.js';

export interface PvReportContext {
  user: string;
  channel: string;
  /** The rep's message; null for `/repbot` (no message to point to). */
  ts: string | null;
}

/**
 * The copy of an adverse-event reply for the pharmacovigilance channel: who raised it, where,
 * and the checked, pre-filled report (the filter has redacted patient identifiers from it).
 */
export function buildPvReport(reply: AnswerReply, where: PvReportContext): SlackMessage {
  const checked = assertCheckedReply(reply);
  const routing = checked.payload.routing;
  const product = routing?.fields?.product ?? checked.payload.product ?? 'unknown product';
  const headline = `🚨 Possible adverse event (${product}) raised by <@${where.user}> in <#${where.channel}>`;
  return {
    text: `Possible adverse event (${product}) raised via repbot`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${headline}*` } },
      ...textSections(checked.text),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `${where.ts ? `Message ts ${where.ts} in <#${where.channel}>` : 'Asked with /repbot'} · the rep was told how to report it and by when.`,
          },
        ],
      },
    ],
  };
}
