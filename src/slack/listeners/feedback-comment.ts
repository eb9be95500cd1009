import type { App } from '@slack/bolt';
import { FEEDBACK_COMMENT_ACTION, FEEDBACK_COMMENT_BLOCK, FEEDBACK_MODAL_ID } from '../blocks/feedback-modal.js';
import { reportFailure } from '../failure-report.js';
import type { SlackDeps } from '../slack-deps.js';

/** The "what was wrong?" form after a 👎: the comment is added to that user's feedback record. */
export function registerFeedbackComment(app: App, deps: SlackDeps): void {
  app.view(FEEDBACK_MODAL_ID, async ({ ack, view, body }) => {
    await ack();
    const text = view.state.values[FEEDBACK_COMMENT_BLOCK]?.[FEEDBACK_COMMENT_ACTION]?.value?.trim();
    if (!text) return;
    try {
      const added = await deps.feedback.comment(view.private_metadata, body.user.id, text);
      if (!added) deps.logger.warn(`Feedback comment for an unknown record ignored (user ${body.user.id}).`);
    } catch (error) {
      reportFailure(deps.logger, 'recording a feedback comment', error, { user: body.user.id });
    }
  });
}
