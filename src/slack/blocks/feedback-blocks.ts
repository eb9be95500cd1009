import type { Language } from '../../knowledge/types.js';
import { auditIdOf } from '../../feedback/feedback-record.js';
import type { FeedbackRating, FeedbackSubject } from '../../feedback/feedback-store.js';
import type { ActionsBlock, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { uiTexts } from './ui-texts.js';

export const FEEDBACK_BLOCK_ID = 'repbot_feedback';
export const FEEDBACK_ACTION = { up: 'repbot_feedback_up', down: 'repbot_feedback_down' } as const;

/** 👍/👎 under an answer. Each button carries what is recorded, so no answer store is needed. */
export function feedbackBlock(subject: FeedbackSubject, language: Language): ActionsBlock {
  const t = uiTexts(language);
  const value = encodeFeedbackSubject(subject);
  return {
    type: 'actions',
    block_id: FEEDBACK_BLOCK_ID,
    elements: [
      { type: 'button', action_id: FEEDBACK_ACTION.up, text: { type: 'plain_text', text: t.helpful, emoji: true }, value },
      { type: 'button', action_id: FEEDBACK_ACTION.down, text: { type: 'plain_text', text: t.notHelpful, emoji: true }, value },
    ],
  };
}

/** The thanks only the clicker sees. */
export function feedbackThanksMessage(rating: FeedbackRating, language: Language): SlackMessage {
  const t = uiTexts(language);
  const text = rating === 'up' ? t.thanksUp : t.thanksDown;
  return { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] };
}

interface EncodedSubject {
  k: FeedbackSubject['kind'];
  q: string;
  r: FeedbackSubject['route'];
  c: string[];
  v: string;
  /** Product slug, when known. */
  p?: string;
  /** Audit record id, when the reply carried one. */
  a?: number;
}

/**
 * JSON within the 2,000-character button value. The question is the only open-ended field: if
 * the whole does not fit, the recorded question is shortened (and marked with "…").
 */
export function encodeFeedbackSubject(subject: FeedbackSubject): string {
  const base: EncodedSubject = {
    k: subject.kind,
    q: '',
    r: subject.route,
    c: subject.approvalCodes.slice(0, 20),
    v: subject.verdict,
    ...(subject.product ? { p: subject.product.slice(0, 100) } : {}),
    ...(subject.auditId ? { a: subject.auditId } : {}),
  };
  const fits = (q: string) => JSON.stringify({ ...base, q }).length <= BLOCK_KIT_LIMITS.buttonValue;
  let question = subject.question;
  while (!fits(question) && question !== '…') {
    const chars = [...question];
    question = `${chars.slice(0, Math.floor(chars.length * 0.9)).join('')}…`;
  }
  return JSON.stringify({ ...base, q: question });
}

export function decodeFeedbackSubject(value: string | undefined): FeedbackSubject | null {
  if (!value) return null;
  try {
    const raw = JSON.parse(value) as Partial<EncodedSubject>;
    if ((raw.k !== 'answer' && raw.k !== 'objection') || typeof raw.q !== 'string') return null;
    const route = raw.r === 'medical-information' || raw.r === 'pharmacovigilance' || raw.r === 'not-found' ? raw.r : null;
    return {
      kind: raw.k,
      question: raw.q,
      route,
      approvalCodes: Array.isArray(raw.c) ? raw.c.filter((c): c is string => typeof c === 'string') : [],
      verdict: typeof raw.v === 'string' ? raw.v : 'unknown',
      product: typeof raw.p === 'string' && raw.p !== '' ? raw.p : null,
      auditId: auditIdOf(raw.a),
    };
  } catch {
    return null;
  }
}
