import { routeOf, toObjectionReply, toReply } from '../../answering/reply-document.js';
import type { AnswerReply, Citation } from '../../answering/reply.js';
import { assertCheckedReply } from '../../compliance/checked-reply.js';
import type { Language } from '../../knowledge/types.js';
import type { FeedbackSubject } from '../../feedback/feedback-store.js';
import { replyAuditId } from '../../feedback/unanswered-question.js';
import { complianceLine } from './compliance-line.js';
import { feedbackBlock } from './feedback-blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { paginate } from './paginate.js';
import { routedBlocks } from './routed-blocks.js';
import type { Block, ContextBlock, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { sourcesBlocks } from './sources-blocks.js';
import { labelledSections, mrkdwnPieces, textSections } from './text-sections.js';
import { uiTexts } from './ui-texts.js';

export interface AnswerMessageOptions {
  /** 👍/👎 buttons under the answer (default true). */
  feedback?: boolean;
  /** Say that a copy of an adverse-event report went to the pharmacovigilance channel. */
  pvForwarded?: boolean;
}

/**
 * The Slack messages for a checked reply: usually one; more when a long answer needs more
 * than 50 blocks. Takes only what the compliance filter produced (`CheckedReply`), and
 * refuses anything else at run time too.
 */
export function buildAnswerMessages(reply: AnswerReply, options: AnswerMessageOptions = {}): SlackMessage[] {
  const checked = assertCheckedReply(reply);
  const body = checked.payload;
  const { compliance } = checked;
  const t = uiTexts(body.language);
  const document = toReply(checked);
  const route = routeOf(checked);

  const stopped = compliance.verdict === 'blocked' || compliance.verdict === 'routed';
  let main: Block[];
  let summary: string;
  if (stopped) {
    // The filter stopped the draft: nothing of it is shown, only why (the notes, below) and where it went.
    const title = compliance.verdict === 'blocked' ? t.blockedTitle : compliance.route === 'pharmacovigilance' ? t.pvTitle : compliance.route === 'medical-information' ? t.miTitle : t.heldTitle;
    main = [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }];
    summary = title;
  } else if (route !== null) {
    main = routedBlocks(checked, route, { pvForwarded: options.pvForwarded === true });
    summary = route === 'pharmacovigilance' ? t.pvTitle : route === 'medical-information' ? t.miTitle : t.notFoundTitle;
  } else if (body.kind === 'objection') {
    const objection = toObjectionReply(checked);
    main = objection.script ? objectionBlocks(objection.script, objection.category, body.language) : textSections(checked.text);
    summary = objection.script ? t.objectionTitle(objection.category) : checked.text;
  } else {
    main = textSections(checked.text);
    summary = checked.text;
  }

  const footer: Block[] = [
    // A stopped reply explains itself through the filter's notes; a posted one gets the one-line summary of changes.
    ...noteBlocks([...(stopped ? compliance.notes : []), ...body.notes]),
    ...sourcesBlocks(document.citations, body.language),
    ...(stopped ? [] : complianceLine(compliance)),
  ];
  if (options.feedback !== false) footer.push(feedbackBlock(feedbackSubjectOf(checked, document.citations), body.language));
  return paginate(main, footer, notificationText(summary), body.language);
}

/** What a 👍/👎 on this reply records. */
export function feedbackSubjectOf(reply: AnswerReply, citations: readonly Citation[]): FeedbackSubject {
  return {
    kind: reply.payload.kind,
    question: reply.payload.question,
    route: routeOf(reply),
    approvalCodes: [...new Set(citations.map((c) => c.approvalCode))],
    verdict: reply.compliance.verdict,
    product: reply.payload.product,
    auditId: replyAuditId(reply.payload),
  };
}

function objectionBlocks(script: NonNullable<ReturnType<typeof toObjectionReply>['script']>, category: string, language: Language): Block[] {
  const t = uiTexts(language);
  const parts = (['acknowledge', 'clarify', 'respond', 'close'] as const).flatMap((part, i) =>
    labelledSections(`${i + 1}. ${t.scriptParts[part]}`, script[part]),
  );
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `🗣️ *${escapeMrkdwn(t.objectionTitle(category))}*` }] }, ...parts];
}

/** Notes for the rep (why something was not posted, an LLM fallback), as context lines. */
function noteBlocks(notes: readonly string[]): ContextBlock[] {
  return notes
    .filter((n) => n.trim() !== '')
    .flatMap((note) => mrkdwnPieces(note, BLOCK_KIT_LIMITS.contextText))
    .map((piece): ContextBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: piece }] }));
}

/** The notification preview (the blocks carry the whole reply). */
function notificationText(summary: string): string {
  const flat = summary.replace(/\s+/g, ' ').trim();
  return flat.length <= 300 ? flat : `${flat.slice(0, 299)}…`;
}
