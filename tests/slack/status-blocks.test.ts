import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../../src/services/status.js';
import { buildHelpMessage } from '../../src/slack/blocks/help-message.js';
import { buildHomeView } from '../../src/slack/blocks/home-view.js';
import { buildIngestSummary } from '../../src/slack/blocks/ingest-summary.js';
import { errorMessage, placeholderMessage } from '../../src/slack/blocks/notice-messages.js';
import { buildPvReport } from '../../src/slack/blocks/pv-report.js';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import { STATUS_LIST_MAX, buildStatusMessage } from '../../src/slack/blocks/status-blocks.js';
import { buildContentGaps } from '../../src/feedback/content-gaps.js';
import type { FeedbackRecord } from '../../src/feedback/feedback-store.js';
import { passed } from './helpers/checked-replies.js';

const counts = (indexed: number, extra: Partial<StatusReport['products'][number]['byStatus']> = {}) => ({
  indexed,
  draft: 0,
  withdrawn: 0,
  expired: 0,
  'no-approval': 0,
  invalid: 0,
  ...extra,
});

const status: StatusReport = {
  knowledgeDir: '/srv/repbot/knowledge',
  embeddingModel: 'local-hashed-ngrams-v1',
  index: { generation: 'g0001', documents: 20, chunks: 243, bytes: 1_000_000, lastIngestAt: '2025-06-01T09:30:00.000Z' },
  products: [
    { product: 'zorvex', name: 'Zorvex', byStatus: counts(9, { draft: 1, withdrawn: 0, expired: 1, 'no-approval': 1 }) },
    { product: 'calmira', name: 'Calmira', byStatus: counts(8, { withdrawn: 1 }) },
  ],
  expiringWithinDays: 30,
  expiringSoon: [{ file: 'zorvex/old.md', title: 'Zorvex <old> detail aid', approvalCode: 'MLR-2024-0001', expiresOn: '2025-06-10', daysLeft: 9 }],
  expiredSinceIngest: [],
  skipped: [
    { file: 'zorvex/draft-new-indication.md', reason: 'status is draft (only approved material is indexed)', kind: 'draft' },
    { file: 'calmira/congress-notes-no-approval-code.md', reason: 'missing approvalCode', kind: 'no-approval' },
  ],
};

describe('status and App Home', () => {
  it('shows the knowledge status as a message', () => {
    expect(buildStatusMessage(status)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "text": "Knowledge status",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "text": {
              "text": "*Last re-index:* 2025-06-01 09:30:00 UTC · 20 documents · 243 passages",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Documents per product*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "• *Zorvex*: 9 indexed · 1 draft · 1 expired · 1 no approval code
      • *Calmira*: 8 indexed · 1 withdrawn",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Expiring within 30 days*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "• Zorvex &lt;old&gt; detail aid \`MLR-2024-0001\`: expires 2025-06-10 (in 9 days)",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Files not indexed*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "• \`zorvex/draft-new-indication.md\`: status is draft (only approved material is indexed)
      • \`calmira/congress-notes-no-approval-code.md\`: missing approvalCode",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "Embedding model: local-hashed-ngrams-v1",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
        ],
        "text": "repbot knowledge status",
      }
    `);
  });

  it('says when nothing is indexed yet', () => {
    const message = buildStatusMessage({ ...status, index: null, products: [], expiringSoon: [], skipped: [] });
    expect(JSON.stringify(message)).toContain('Not indexed yet');
  });

  it('shows admins the re-index button and content gaps; others neither', () => {
    const gap: FeedbackRecord = {
      id: 'C1:1.1:U1',
      at: '2025-06-01T10:00:00.000Z',
      user: 'U1',
      channel: 'C1',
      messageTs: '1.1',
      rating: 'down',
      comment: 'nothing about renal impairment',
      kind: 'answer',
      question: 'zorvex in renal impairment?',
      route: 'not-found',
      approvalCodes: [],
      verdict: 'pass',
    };
    const rep = buildHomeView({ status, admin: false });
    const contentGaps = buildContentGaps({ unanswered: [], feedback: [gap] });
    const admin = buildHomeView({ status, admin: true, contentGaps, contentGapsPeriod: 'last 30 days' });
    expect(JSON.stringify(rep)).not.toContain('repbot_home_reindex');
    expect(admin.blocks.slice(rep.blocks.length)).toMatchInlineSnapshot(`
      [
        {
          "type": "divider",
        },
        {
          "text": {
            "emoji": true,
            "text": "Medical affairs",
            "type": "plain_text",
          },
          "type": "header",
        },
        {
          "elements": [
            {
              "action_id": "repbot_home_reindex",
              "confirm": {
                "confirm": {
                  "text": "Re-index",
                  "type": "plain_text",
                },
                "deny": {
                  "text": "Cancel",
                  "type": "plain_text",
                },
                "text": {
                  "text": "Reads the knowledge folder again. Answers keep using the current index until the new one is ready.",
                  "type": "mrkdwn",
                },
                "title": {
                  "text": "Re-index knowledge?",
                  "type": "plain_text",
                },
              },
              "style": "primary",
              "text": {
                "text": "Re-index now",
                "type": "plain_text",
              },
              "type": "button",
            },
          ],
          "type": "actions",
        },
        {
          "type": "divider",
        },
        {
          "text": {
            "text": "*Content gaps · last 30 days*",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "0 not answered from approved material · 0 sent to Medical Information · 1 marked 👎 — 1 topic, most asked first.",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "text": {
            "text": "1. *zorvex in renal impairment?*
      Asked once: 1 answer marked not helpful · last 2025-06-01
      > _“nothing about renal impairment”_",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "elements": [
            {
              "text": "Full report: \`npx repbot gaps\` (add \`--from\`/\`--to\` for a period, \`--json\` for a file).",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
      ]
    `);
  });

  it('bounds long lists and says how many more there are', () => {
    const skipped = Array.from({ length: 40 }, (_, i) => ({ file: `zorvex/file-${i}.md`, reason: 'missing approvalCode' }));
    const view = buildHomeView({ status: { ...status, skipped }, admin: true });
    expect(view.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerHomeView);
    const text = JSON.stringify(view);
    expect(text).toContain(`file-${STATUS_LIST_MAX - 1}.md`);
    expect(text).not.toContain(`file-${STATUS_LIST_MAX}.md`);
    expect(text).toContain(`…and ${40 - STATUS_LIST_MAX} more`);
  });
});

describe('other messages', () => {
  it('summarises a re-index', () => {
    expect(
      buildIngestSummary({ added: 2, updated: 1, removed: 0, unchanged: 14, chunks: 243, ms: 1234, skipped: [{ file: 'calmira/notes.md', reason: 'missing approvalCode' }] }, { user: 'U0ADMIN01' }),
    ).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "text": "🔄 *Knowledge re-indexed in 1.2 s: 2 added, 1 updated, 0 removed, 14 unchanged, 1 not indexed.* Requested by <@U0ADMIN01>.",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Not indexed*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "• \`calmira/notes.md\`: missing approvalCode",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "243 passages in the index.",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
        ],
        "text": "Knowledge re-indexed in 1.2 s: 2 added, 1 updated, 0 removed, 14 unchanged, 1 not indexed.",
      }
    `);
  });

  it('copies an adverse-event reply to pharmacovigilance from the checked text only', async () => {
    const reply = await passed('This message describes a possible adverse event.\n• Patient: [patient name removed]\n• Event: rash', {
      route: 'pharmacovigilance',
      routing: { route: 'pharmacovigilance', reason: 'adverse-event', detail: 'John Smith got a rash', contact: null, fields: { patient: 'John Smith', reporter: 'rep', product: 'Zorvex', event: ['rash'], onset: null } },
    });
    const report = buildPvReport(reply, { user: 'U0REP0001', channel: 'C0FIELD01', ts: '1710000000.000001' });
    expect(JSON.stringify(report)).not.toContain('John Smith');
    expect(report).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "text": "*🚨 Possible adverse event (Zorvex) raised by <@U0REP0001> in <#C0FIELD01>*",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "This message describes a possible adverse event.
      • Patient: [patient name removed]
      • Event: rash",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "Message ts 1710000000.000001 in <#C0FIELD01> · the rep was told how to report it and by when.",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
        ],
        "text": "Possible adverse event (Zorvex) raised via repbot",
      }
    `);
  });

  it('has a placeholder, an error with a reference and help', () => {
    expect(placeholderMessage('zh').text).toBe('⏳ 正在查阅已批准的资料…');
    expect(errorMessage('AB12CD34', 'en').text).toContain('`AB12CD34`');
    expect(buildHelpMessage('quizz').blocks[0]).toMatchInlineSnapshot(`
      {
        "text": {
          "text": "I don't know \`quizz\`. Here is what I can do:

      *repbot* answers from approved, unexpired materials only; every answer passes a compliance check and lists its sources.

      • \`/repbot ask &lt;question&gt;\`: a product question, e.g. \`/repbot ask max dose of Zorvex for kids?\`
      • \`/repbot objection &lt;what the HCP said&gt;\`: a four-step objection-handling script
      • \`/repbot status\`: what is indexed, what expires soon, what could not be indexed
      • \`/repbot reindex\`: re-read the knowledge folder (medical affairs only)
      • \`/repbot quiz [product] [n]\`: a multiple-choice quiz from the approved material, in this channel (e.g. \`/repbot quiz zorvex 5\`, \`/repbot quiz 佐维斯\`)
      • \`/repbot roleplay [product] [persona]\`: practise an objection with a doctor in a thread, scored at the end (personas: skeptical, cost, loyal, safety, busy)
      • \`/repbot override &lt;attempt&gt; &lt;score&gt; &lt;reason&gt;\`: replace a training score, with the reason kept (trainers only)
      • \`/repbot help\`: this list

      You can also mention me in a channel (\`@repbot …\`) or message me directly; I answer in the thread, and follow-ups in that thread keep the context. 中文提问也可以。
      Adverse events go to Pharmacovigilance and off-label questions to Medical Information: I will tell you how.",
          "type": "mrkdwn",
        },
        "type": "section",
      }
    `);
  });
});
