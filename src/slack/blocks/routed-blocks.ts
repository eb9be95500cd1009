import type { AnswerReply, ReplyRoute } from '../../answering/reply.js';
import type { Language } from '../../knowledge/types.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { Block } from './slack-message.js';
import { labelledSections, textSections } from './text-sections.js';
import { uiTexts } from './ui-texts.js';

/**
 * A reply that routes instead of answering: what happened, the checked text (for an adverse
 * event, the pre-filled report), and what to do: whom to contact and, for adverse events, by
 * when. The contact comes from the product card medical affairs maintain.
 */
export function routedBlocks(reply: AnswerReply, route: ReplyRoute, options: { pvForwarded: boolean }): Block[] {
  const { language, routing } = reply.payload;
  const t = uiTexts(language);
  const title = route === 'pharmacovigilance' ? t.pvTitle : route === 'medical-information' ? t.miTitle : t.notFoundTitle;
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(title)}*` } }, ...textSections(reply.text)];
  const contact = routing?.contact?.trim();
  if (contact && !reply.text.includes(contact)) {
    blocks.push(...labelledSections(route === 'pharmacovigilance' ? t.pvHow : t.miHow, contact));
  }
  if (route === 'pharmacovigilance') {
    const deadline = contact ? reportingDeadline(contact, language) : null;
    if (deadline) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `⏰ *${escapeMrkdwn(t.pvDeadline(deadline))}*` }] });
    if (options.pvForwarded) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.pvForwarded }] });
  }
  return blocks;
}

/** "within 24 hours" / "24小时内" from the pharmacovigilance contact text, when it states one. */
export function reportingDeadline(contact: string, language: Language): string | null {
  const en = /\bwithin\s+(?:one|two|\d+)\s*(?:business\s+|calendar\s+|working\s+)?(?:hours?|days?)\b/i.exec(contact)?.[0];
  const zh = /\d+\s*(?:小时|天|个工作日|日)内/.exec(contact)?.[0];
  return language === 'zh' ? (zh ?? en ?? null) : (en ?? zh ?? null);
}
