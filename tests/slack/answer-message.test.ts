import { describe, expect, it } from 'vitest';
import type { AnswerReply } from '../../src/answering/reply.js';
import { buildAnswerMessages } from '../../src/slack/blocks/answer-message.js';
import type { Block } from '../../src/slack/blocks/slack-message.js';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import { FAQ_CITATION, LABEL_CITATION, ZORVEX, filtered, passed } from './helpers/checked-replies.js';

const sectionTexts = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.type === 'section' ? [b.text?.text ?? ''] : []));

describe('buildAnswerMessages', () => {
  it('renders an answer with [n] markers, its sources and 👍/👎', async () => {
    const reply = await passed(
      'According to the approved materials:\n• The maximum recommended dosage in pediatric patients is 20 mg once daily. [1]\n• The maximum recommended dosage is 40 mg once daily in adults. [2]',
      { citations: [LABEL_CITATION, FAQ_CITATION] },
    );
    expect(buildAnswerMessages(reply)).toMatchInlineSnapshot(`
      [
        {
          "blocks": [
            {
              "text": {
                "text": "According to the approved materials:
      • The maximum recommended dosage in pediatric patients is 20 mg once daily. [1]
      • The maximum recommended dosage is 40 mg once daily in adults. [2]",
                "type": "mrkdwn",
              },
              "type": "section",
            },
            {
              "elements": [
                {
                  "text": "📄 *Sources*",
                  "type": "mrkdwn",
                },
              ],
              "type": "context",
            },
            {
              "elements": [
                {
                  "text": "*[1]* ZORVEX (zorvastatin) Prescribing Information (FICTIONAL) · p. 1 · 2 DOSAGE AND ADMINISTRATION › 2.2 Pediatric Patients · \`MLR-2025-0101\` · expires 2027-12-31",
                  "type": "mrkdwn",
                },
              ],
              "type": "context",
            },
            {
              "elements": [
                {
                  "text": "*[2]* Zorvex approved FAQ (FICTIONAL) · What is the maximum daily dose of Zorvex? · \`MLR-2025-0105\` · expires 2027-06-30",
                  "type": "mrkdwn",
                },
              ],
              "type": "context",
            },
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
                  "value": "{"k":"answer","q":"max dose of zorvex for kids?","r":null,"c":["MLR-2025-0101","MLR-2025-0105"],"v":"pass","p":"zorvex"}",
                },
                {
                  "action_id": "repbot_feedback_down",
                  "text": {
                    "emoji": true,
                    "text": "👎 Not helpful",
                    "type": "plain_text",
                  },
                  "type": "button",
                  "value": "{"k":"answer","q":"max dose of zorvex for kids?","r":null,"c":["MLR-2025-0101","MLR-2025-0105"],"v":"pass","p":"zorvex"}",
                },
              ],
              "type": "actions",
            },
          ],
          "text": "According to the approved materials: • The maximum recommended dosage in pediatric patients is 20 mg once daily. [1] • The maximum recommended dosage is 40 mg once daily in adults. [2]",
        },
      ]
    `);
  });

  it('lists only the sources whose marker is still in the posted text', async () => {
    const reply = await passed('According to the approved materials:\n• The maximum recommended dosage is 40 mg once daily in adults. [2]', {
      citations: [LABEL_CITATION, FAQ_CITATION],
    });
    const text = JSON.stringify(buildAnswerMessages(reply));
    expect(text).toContain('MLR-2025-0105');
    expect(text).not.toContain('MLR-2025-0101');
  });

  it('says what the compliance check changed', async () => {
    const reply = await filtered('• Zorvex lowers LDL-C in adults. [1]\n• Zorvex is the best statin.', { citations: [LABEL_CITATION] });
    expect(reply.compliance.verdict).toBe('fixed');
    const [message] = buildAnswerMessages(reply);
    expect(message?.blocks).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "text": "• Zorvex lowers LDL-C in adults. [1]

      Important Safety Information (FICTIONAL): Zorvex is contraindicated in active liver disease.",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "📄 *Sources*",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "elements": [
            {
              "text": "*[1]* ZORVEX (zorvastatin) Prescribing Information (FICTIONAL) · p. 1 · 2 DOSAGE AND ADMINISTRATION › 2.2 Pediatric Patients · \`MLR-2025-0101\` · expires 2027-12-31",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "elements": [
            {
              "text": "⚖️ Compliance check changed this answer: safety information added · a sentence was removed: superlative claim",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
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
              "value": "{"k":"answer","q":"max dose of zorvex for kids?","r":null,"c":["MLR-2025-0101"],"v":"fixed","p":"zorvex"}",
            },
            {
              "action_id": "repbot_feedback_down",
              "text": {
                "emoji": true,
                "text": "👎 Not helpful",
                "type": "plain_text",
              },
              "type": "button",
              "value": "{"k":"answer","q":"max dose of zorvex for kids?","r":null,"c":["MLR-2025-0101"],"v":"fixed","p":"zorvex"}",
            },
          ],
          "type": "actions",
        },
      ]
    `);
  });

  it('shows why a blocked answer was not posted, and posts none of it', async () => {
    const reply = await filtered('Zorvex is the best statin.');
    expect(reply.compliance.verdict).toBe('blocked');
    const [message] = buildAnswerMessages(reply);
    expect(JSON.stringify(message)).not.toContain('the best statin');
    expect(message?.blocks).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "text": "*⛔ Not posted: the compliance check stopped this answer.*",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "Not posted: after removing the non-compliant parts, what was left could not stand on its own. Please rephrase from approved material.",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "elements": [
            {
              "text": "Not posted: superlative claim ('the best').",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
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
              "value": "{"k":"answer","q":"max dose of zorvex for kids?","r":null,"c":[],"v":"blocked","p":"zorvex"}",
            },
            {
              "action_id": "repbot_feedback_down",
              "text": {
                "emoji": true,
                "text": "👎 Not helpful",
                "type": "plain_text",
              },
              "type": "button",
              "value": "{"k":"answer","q":"max dose of zorvex for kids?","r":null,"c":[],"v":"blocked","p":"zorvex"}",
            },
          ],
          "type": "actions",
        },
      ]
    `);
  });

  it('routes an adverse event to pharmacovigilance with the deadline', async () => {
    const reply = await passed(
      'This message describes a possible adverse event, so I can’t answer it here: it must be reported to Pharmacovigilance.\nPre-filled for your report (check and complete it):\n• Patient: my patient\n• Event: muscle pain\n• Onset: yesterday',
      {
        question: 'my patient on zorvex had muscle pain yesterday',
        route: 'pharmacovigilance',
        mode: 'routed',
        routing: {
          route: 'pharmacovigilance',
          reason: 'adverse-event',
          detail: 'my patient on zorvex had muscle pain',
          contact: ZORVEX.pharmacovigilance,
          fields: { patient: 'my patient', reporter: 'you (the rep)', product: 'Zorvex', event: ['muscle pain'], onset: 'yesterday' },
        },
      },
    );
    expect(buildAnswerMessages(reply, { pvForwarded: true })).toMatchInlineSnapshot(`
      [
        {
          "blocks": [
            {
              "text": {
                "text": "*🚨 Possible adverse event: report it to Pharmacovigilance*",
                "type": "mrkdwn",
              },
              "type": "section",
            },
            {
              "text": {
                "text": "This message describes a possible adverse event, so I can’t answer it here: it must be reported to Pharmacovigilance.
      Pre-filled for your report (check and complete it):
      • Patient: my patient
      • Event: muscle pain
      • Onset: yesterday",
                "type": "mrkdwn",
              },
              "type": "section",
            },
            {
              "text": {
                "text": "*How to report*
      Report within 24 hours to Pharmacovigilance (FICTIONAL): safety@example.com",
                "type": "mrkdwn",
              },
              "type": "section",
            },
            {
              "elements": [
                {
                  "text": "⏰ *Deadline: within 24 hours*",
                  "type": "mrkdwn",
                },
              ],
              "type": "context",
            },
            {
              "elements": [
                {
                  "text": "A copy of this report was posted to the pharmacovigilance channel.",
                  "type": "mrkdwn",
                },
              ],
              "type": "context",
            },
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
                  "value": "{"k":"answer","q":"my patient on zorvex had muscle pain yesterday","r":"pharmacovigilance","c":[],"v":"pass","p":"zorvex"}",
                },
                {
                  "action_id": "repbot_feedback_down",
                  "text": {
                    "emoji": true,
                    "text": "👎 Not helpful",
                    "type": "plain_text",
                  },
                  "type": "button",
                  "value": "{"k":"answer","q":"my patient on zorvex had muscle pain yesterday","r":"pharmacovigilance","c":[],"v":"pass","p":"zorvex"}",
                },
              ],
              "type": "actions",
            },
          ],
          "text": "🚨 Possible adverse event: report it to Pharmacovigilance",
        },
      ]
    `);
  });

  it('routes an off-label question to Medical Information', async () => {
    const reply = await passed(
      "This question is about a use outside the approved prescribing information (weight loss is not among the approved indications of Zorvex), so I can't answer it as promotional content.",
      {
        question: 'can zorvex be used for weight loss',
        route: 'medical-information',
        mode: 'routed',
        routing: { route: 'medical-information', reason: 'off-label-use', detail: 'weight loss is not among the approved indications', contact: ZORVEX.medicalInformation },
      },
    );
    const [message] = buildAnswerMessages(reply, { feedback: false });
    expect(message?.blocks).toMatchInlineSnapshot(`
      [
        {
          "text": {
            "text": "*ℹ️ This question goes to Medical Information*",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "This question is about a use outside the approved prescribing information (weight loss is not among the approved indications of Zorvex), so I can't answer it as promotional content.",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "*Submit a Medical Information request*
      Medical Information (FICTIONAL): medinfo@example.com",
            "type": "mrkdwn",
          },
          "type": "section",
        },
      ]
    `);
  });

  it('says when nothing approved answers, and where to ask', async () => {
    const reply = await passed("The approved materials don't cover this question, so I can't answer it.\nTo get an answer, submit a Medical Information request: Medical Information (FICTIONAL): medinfo@example.com", {
      question: 'what is the price of the moon',
      route: 'not-found',
      mode: 'routed',
      routing: { route: 'not-found', reason: 'no-approved-source', detail: null, contact: ZORVEX.medicalInformation },
    });
    const [message] = buildAnswerMessages(reply, { feedback: false });
    const texts = sectionTexts(message?.blocks ?? []);
    expect(texts[0]).toBe('*🔍 Not covered by the approved materials*');
    // The contact is already in the text: not repeated.
    expect(JSON.stringify(message).match(/medinfo@example\.com/g)).toHaveLength(1);
  });

  it('lays an objection script out as four labelled parts', async () => {
    const labels = { acknowledge: 'Acknowledge:', clarify: 'Clarify:', respond: 'Respond:', close: 'Close:' };
    const reply = await passed(
      'Acknowledge: Cost matters to you and your patients.\n\nClarify: Is it the out-of-pocket cost, or coverage?\n\nRespond: The maximum recommended dosage is 40 mg once daily in adults. [2]\n\nClose: Would it help if Market Access followed up?',
      { kind: 'objection', question: 'Zorvex is too expensive', category: 'price', scriptLabels: labels, citations: [FAQ_CITATION] },
    );
    const [message] = buildAnswerMessages(reply, { feedback: false });
    expect(message?.blocks).toMatchInlineSnapshot(`
      [
        {
          "elements": [
            {
              "text": "🗣️ *Objection script · price / cost*",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "text": {
            "text": "*1. Acknowledge*
      Cost matters to you and your patients.",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "*2. Clarify*
      Is it the out-of-pocket cost, or coverage?",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "*3. Respond*
      The maximum recommended dosage is 40 mg once daily in adults. [2]",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "*4. Close*
      Would it help if Market Access followed up?",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "📄 *Sources*",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "elements": [
            {
              "text": "*[2]* Zorvex approved FAQ (FICTIONAL) · What is the maximum daily dose of Zorvex? · \`MLR-2025-0105\` · expires 2027-06-30",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
      ]
    `);
  });

  it('speaks Chinese to a Chinese question', async () => {
    const reply = await passed('根据已批准的说明书：\n• 儿童患者的最大推荐剂量为每日一次20毫克。[1]', {
      question: '佐维斯儿童最大剂量？',
      language: 'zh',
      citations: [LABEL_CITATION],
    });
    const [message] = buildAnswerMessages(reply);
    expect(message?.blocks.slice(1)).toMatchInlineSnapshot(`
      [
        {
          "elements": [
            {
              "text": "📄 *来源*",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "elements": [
            {
              "text": "*[1]* ZORVEX (zorvastatin) Prescribing Information (FICTIONAL) · 第 1 页 · 2 DOSAGE AND ADMINISTRATION › 2.2 Pediatric Patients · \`MLR-2025-0101\` · 有效期至 2027-12-31",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "block_id": "repbot_feedback",
          "elements": [
            {
              "action_id": "repbot_feedback_up",
              "text": {
                "emoji": true,
                "text": "👍 有帮助",
                "type": "plain_text",
              },
              "type": "button",
              "value": "{"k":"answer","q":"佐维斯儿童最大剂量？","r":null,"c":["MLR-2025-0101"],"v":"pass","p":"zorvex"}",
            },
            {
              "action_id": "repbot_feedback_down",
              "text": {
                "emoji": true,
                "text": "👎 没有帮助",
                "type": "plain_text",
              },
              "type": "button",
              "value": "{"k":"answer","q":"佐维斯儿童最大剂量？","r":null,"c":["MLR-2025-0101"],"v":"pass","p":"zorvex"}",
            },
          ],
          "type": "actions",
        },
      ]
    `);
  });

  it('escapes text so approved material cannot form links or @channel', async () => {
    const reply = await passed('Dose <10 mg & >5 mg <!channel> <https://evil.example|click>');
    const [message] = buildAnswerMessages(reply, { feedback: false });
    expect(sectionTexts(message?.blocks ?? [])[0]).toBe('Dose &lt;10 mg &amp; &gt;5 mg &lt;!channel&gt; &lt;https://evil.example|click&gt;');
  });

  it('splits a long answer into 3,000-character sections without losing a character', async () => {
    const sentence = 'The maximum recommended dosage in pediatric patients is 20 mg once daily. ';
    const text = `According to the approved materials:\n${sentence.repeat(150)}[1]`;
    const reply = await passed(text, { citations: [LABEL_CITATION] });
    const messages = buildAnswerMessages(reply);
    expect(messages).toHaveLength(1);
    const sections = sectionTexts(messages[0]?.blocks ?? []);
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
    expect(sections.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
  });

  it('splits an answer over 50 blocks into several messages, marked as continued, footer last', async () => {
    const paragraph = `${'Zorvex tablets are film-coated. '.repeat(90)}\n\n`;
    const reply = await passed(`${paragraph.repeat(60)}[1]`, { citations: [LABEL_CITATION] });
    const messages = buildAnswerMessages(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
    expect(messages[1]?.blocks[0]).toMatchInlineSnapshot(`
      {
        "elements": [
          {
            "text": "_continued (2/2)_",
            "type": "mrkdwn",
          },
        ],
        "type": "context",
      }
    `);
    const last = messages.at(-1)?.blocks ?? [];
    expect(last.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(last)).toContain('MLR-2025-0101');
    const all = messages.flatMap((m) => sectionTexts(m.blocks)).join('');
    expect(all.match(/film-coated/g)).toHaveLength(90 * 60);
  });

  it('refuses a reply that did not come from the compliance filter, even when cast', () => {
    const forged = { text: 'Zorvex cures everything.', compliance: { verdict: 'pass', text: 'Zorvex cures everything.', findings: [], notes: [], route: null, language: 'en' }, payload: {} } as unknown as AnswerReply;
    expect(() => buildAnswerMessages(forged)).toThrow(/did not pass the compliance filter/);
  });
});
