import type { webApi } from '@slack/bolt';
import { routeOf } from '../answering/reply-document.js';
import type { AnswerReply } from '../answering/reply.js';
import type { Audience, Language } from '../knowledge/types.js';
import { detectLanguage } from '../text/language.js';
import { buildAnswerMessages } from './blocks/answer-message.js';
import { emptyQuestionMessage, errorMessage, externalChannelMessage, placeholderMessage, rateLimitedMessage } from './blocks/notice-messages.js';
import { buildPvReport } from './blocks/pv-report.js';
import type { SlackMessage } from './blocks/slack-message.js';
import { reportFailure } from './failure-report.js';
import type { ReplyTarget } from './reply-target.js';
import type { SlackDeps } from './slack-deps.js';

export interface QuestionRequest {
  kind: 'ask' | 'objection';
  text: string;
  user: string;
  channel: string;
  /** The rep's message, when there is one (mentions and DMs; not slash commands). */
  ts: string | null;
  /** Thread memory key for follow-ups. */
  conversationId: string;
  /** Asked in a channel shared with another organisation. */
  external: boolean;
}

/**
 * Question → placeholder → `ask` (or `objection`) → the checked reply rendered → placeholder
 * replaced. Adverse-event replies are also copied to the pharmacovigilance channel when one
 * is configured. Any failure ends as a short message with a reference id; the log has the rest.
 */
export async function answerQuestion(deps: SlackDeps, client: webApi.WebClient, target: ReplyTarget, request: QuestionRequest): Promise<void> {
  const language: Language = request.text === '' ? 'en' : detectLanguage(request.text);
  const refusal = refusalFor(deps, request, language);
  if (refusal) {
    await target.finish([refusal]);
    return;
  }
  await target.start(placeholderMessage(language));

  let messages: SlackMessage[];
  try {
    const options = { threadId: request.conversationId, user: request.user, channel: request.channel, via: 'slack' };
    // Past refusalFor, a shared channel is in "hcp-only" mode: only HCP material may be quoted there.
    const audiences: Audience[] | undefined = request.external ? ['hcp'] : undefined;
    const reply = await deps.answers.run(() =>
      request.kind === 'objection' ? deps.services.objection(request.text, options) : deps.services.ask(request.text, { ...options, ...(audiences ? { audiences } : {}) }),
    );
    const pvForwarded = await forwardAdverseEvent(deps, client, reply, request);
    messages = buildAnswerMessages(reply, { pvForwarded });
  } catch (error) {
    const ref = reportFailure(deps.logger, request.kind === 'objection' ? 'drafting an objection script' : 'answering a question', error, {
      channel: request.channel,
      user: request.user,
    });
    messages = [errorMessage(ref, language)];
  }
  await target.finish(messages);
}

/**
 * Why not to answer at all: nothing asked, a shared channel, or too many questions. In a
 * channel shared with another organisation (Slack Connect) repbot refuses, or with
 * SLACK_EXTERNAL_CHANNELS=hcp-only answers questions from `audience: hcp` material only;
 * objection scripts are coaching for reps and are never drafted where HCPs can read them.
 */
function refusalFor(deps: SlackDeps, request: QuestionRequest, language: Language): SlackMessage | null {
  if (request.text.trim() === '') return emptyQuestionMessage(language);
  if (request.external && (deps.config.externalChannels === 'refuse' || request.kind === 'objection')) return externalChannelMessage(language);
  if (!deps.rateLimiter.allow(request.user)) return rateLimitedMessage(deps.rateLimiter.perMinute, language);
  return null;
}

async function forwardAdverseEvent(deps: SlackDeps, client: webApi.WebClient, reply: AnswerReply, request: QuestionRequest): Promise<boolean> {
  const channel = deps.config.pvChannel;
  if (!channel || routeOf(reply) !== 'pharmacovigilance') return false;
  try {
    const report = buildPvReport(reply, { user: request.user, channel: request.channel, ts: request.ts });
    await client.chat.postMessage({ channel, text: report.text, blocks: report.blocks, unfurl_links: false });
    return true;
  } catch (error) {
    // The rep still gets the reply with the reporting route; only the copy failed.
    reportFailure(deps.logger, 'copying an adverse-event report to the pharmacovigilance channel', error, { channel });
    return false;
  }
}
