import { describe, expect, it } from 'vitest';
import { decodeFeedbackSubject, encodeFeedbackSubject, feedbackBlock, feedbackThanksMessage } from '../../src/slack/blocks/feedback-blocks.js';
import { buildFeedbackModal } from '../../src/slack/blocks/feedback-modal.js';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import type { FeedbackSubject } from '../../src/feedback/feedback-store.js';

const subject: FeedbackSubject = { kind: 'answer', question: 'max dose?', route: null, approvalCodes: ['MLR-2025-0101'], verdict: 'pass' };

describe('feedback blocks', () => {
  it('carries the subject in both buttons', () => {
    expect(feedbackBlock(subject, 'en')).toMatchInlineSnapshot(`
      {
        "block_id": "repbot_feedback",
        "elements": [
          {
            "action_id": "repbot_feedback_up",
            "text": {
              "emoji": true,
              "text": "👍 Helpful",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"k":"answer","q":"max dose?","r":null,"c":["MLR-2025-0101"],"v":"pass"}",
          },
          {
            "action_id": "repbot_feedback_down",
            "text": {
              "emoji": true,
              "text": "👎 Not helpful",
              "type": "plain_text",
            },
            "type": "button",
            "value": "{"k":"answer","q":"max dose?","r":null,"c":["MLR-2025-0101"],"v":"pass"}",
          },
        ],
        "type": "actions",
      }
    `);
  });

  it('round-trips the subject, with the product and audit record id when known', () => {
    expect(decodeFeedbackSubject(encodeFeedbackSubject(subject))).toEqual({ ...subject, product: null, auditId: null });
    const full: FeedbackSubject = { ...subject, route: 'not-found', product: 'zorvex', auditId: 4711 };
    expect(encodeFeedbackSubject(full)).toBe('{"k":"answer","q":"max dose?","r":"not-found","c":["MLR-2025-0101"],"v":"pass","p":"zorvex","a":4711}');
    expect(decodeFeedbackSubject(encodeFeedbackSubject(full))).toEqual(full);
    // Older buttons (before product and audit id) still decode.
    expect(decodeFeedbackSubject('{"k":"answer","q":"q","r":null,"c":[],"v":"pass"}')).toMatchObject({ product: null, auditId: null });
    expect(decodeFeedbackSubject('not json')).toBeNull();
    expect(decodeFeedbackSubject(undefined)).toBeNull();
  });

  it('fits a very long question into the 2,000-character button value, marked as shortened, keeping the audit record id', () => {
    const long = { ...subject, question: '剂量'.repeat(3000), product: 'zorvex', auditId: 123456789, approvalCodes: Array.from({ length: 30 }, (_, i) => `MLR-2025-${1000 + i}`) };
    const value = encodeFeedbackSubject(long);
    expect(value.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.buttonValue);
    const decoded = decodeFeedbackSubject(value);
    expect(decoded?.question.endsWith('…')).toBe(true);
    expect(decoded).toMatchObject({ product: 'zorvex', auditId: 123456789 });
  });

  it('thanks the clicker, and asks what was wrong after a 👎', () => {
    expect(feedbackThanksMessage('down', 'zh').text).toContain('谢谢');
    expect(buildFeedbackModal('C1:1.2:U1')).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "block_id": "comment",
            "element": {
              "action_id": "comment_text",
              "max_length": 1000,
              "multiline": true,
              "type": "plain_text_input",
            },
            "label": {
              "text": "Tell medical affairs what was missing or wrong (optional)",
              "type": "plain_text",
            },
            "optional": true,
            "type": "input",
          },
          {
            "elements": [
              {
                "text": "Please leave out patient details. To report an adverse event, use the Pharmacovigilance route.",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
        ],
        "callback_id": "repbot_feedback_comment",
        "close": {
          "text": "Skip",
          "type": "plain_text",
        },
        "private_metadata": "C1:1.2:U1",
        "submit": {
          "text": "Send",
          "type": "plain_text",
        },
        "title": {
          "text": "What was wrong?",
          "type": "plain_text",
        },
        "type": "modal",
      }
    `);
  });
});
