import type { ModalView } from './slack-message.js';

export const FEEDBACK_MODAL_ID = 'repbot_feedback_comment';
export const FEEDBACK_COMMENT_BLOCK = 'comment';
export const FEEDBACK_COMMENT_ACTION = 'comment_text';

/** "What was wrong?" after a 👎: optional, so closing it keeps the 👎 as recorded. */
export function buildFeedbackModal(feedbackId: string): ModalView {
  return {
    type: 'modal',
    callback_id: FEEDBACK_MODAL_ID,
    private_metadata: feedbackId,
    title: { type: 'plain_text', text: 'What was wrong?' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Skip' },
    blocks: [
      {
        type: 'input',
        block_id: FEEDBACK_COMMENT_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: 'Tell medical affairs what was missing or wrong (optional)' },
        element: { type: 'plain_text_input', action_id: FEEDBACK_COMMENT_ACTION, multiline: true, max_length: 1000 },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Please leave out patient details. To report an adverse event, use the Pharmacovigilance route.' }] },
    ],
  };
}
