import type { App, BlockButtonAction } from '@slack/bolt';
import { FEEDBACK_ACTION, decodeFeedbackSubject, feedbackThanksMessage } from '../blocks/feedback-blocks.js';
import { buildFeedbackModal } from '../blocks/feedback-modal.js';
import { errorMessage } from '../blocks/notice-messages.js';
import { reportFailure } from '../failure-report.js';
import type { FeedbackRating } from '../../feedback/feedback-store.js';
import type { SlackDeps } from '../slack-deps.js';
import { detectLanguage } from '../../text/language.js';

/**
 * 👍/👎 under an answer: recorded (one rating per user and answer; a second click replaces the
 * first), thanked privately, and a 👎 opens the optional "what was wrong?" form.
 */
export function registerFeedbackAction(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^(${FEEDBACK_ACTION.up}|${FEEDBACK_ACTION.down})$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const rating: FeedbackRating = action.action_id === FEEDBACK_ACTION.up ? 'up' : 'down';
    const subject = decodeFeedbackSubject(action.value);
    if (!subject) {
      deps.logger.warn(`Feedback button with an unreadable value ignored (action ${action.action_id}).`);
      return;
    }
    const language = detectLanguage(subject.question);
    const channel = body.channel?.id ?? null;
    const messageTs = body.message?.ts ?? body.container?.message_ts ?? null;
    const id = `${channel ?? 'ephemeral'}:${messageTs ?? action.action_ts}:${body.user.id}`;
    await deps.work.track(
      (async () => {
        try {
          if (rating === 'down') {
            // The trigger id is valid for 3 seconds: open the form before anything slower.
            await client.views.open({ trigger_id: body.trigger_id, view: buildFeedbackModal(id) }).catch((error: unknown) => {
              reportFailure(deps.logger, 'opening the feedback form', error, { user: body.user.id });
            });
          }
          await deps.feedback.record({ ...subject, id, at: deps.now().toISOString(), user: body.user.id, channel, messageTs, rating, comment: null });
          await respond({ response_type: 'ephemeral', replace_original: false, ...feedbackThanksMessage(rating, language) });
        } catch (error) {
          const ref = reportFailure(deps.logger, 'recording feedback', error, { user: body.user.id });
          await respond({ response_type: 'ephemeral', replace_original: false, text: errorMessage(ref, language).text }).catch(() => {});
        }
      })(),
    );
  });
}
