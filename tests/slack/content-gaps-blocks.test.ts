import { describe, expect, it } from 'vitest';
import { buildContentGaps } from '../../src/feedback/content-gaps.js';
import { contentGapsBlocks } from '../../src/slack/blocks/content-gaps-blocks.js';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import { click, unanswered } from '../feedback/fixtures.js';

describe('content gaps in App Home', () => {
  it('lists the most asked topics with counts, products and comments', () => {
    const report = buildContentGaps({
      unanswered: [
        unanswered({ at: '2026-12-01T09:00:00.000Z', question: 'does calmira cause hair loss?', product: 'calmira' }),
        unanswered({ at: '2026-12-02T09:00:00.000Z', question: 'Does Calmira cause hair loss', product: 'calmira' }),
        unanswered({ at: '2026-12-03T09:00:00.000Z', question: '佐维斯在德国卖多少钱', product: 'zorvex' }),
      ],
      feedback: [click({ id: 'f', at: '2026-12-04T09:00:00.000Z', question: 'max dose of zorvex for <!channel> kids?', comment: 'no dose for under 10s' })],
    });
    expect(contentGapsBlocks(report, { period: 'last 30 days' })).toMatchInlineSnapshot(`
      [
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
              "text": "3 not answered from approved material · 0 sent to Medical Information · 1 marked 👎 — 3 topics, most asked first.",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
        {
          "text": {
            "text": "1. *Does Calmira cause hair loss*
      Asked 2 times: 2 not answered · last 2026-12-02 · calmira",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "2. *max dose of zorvex for &lt;!channel&gt; kids?*
      Asked once: 1 answer marked not helpful · last 2026-12-04 · zorvex
      > _“no dose for under 10s”_",
            "type": "mrkdwn",
          },
          "type": "section",
        },
        {
          "text": {
            "text": "3. *佐维斯在德国卖多少钱*
      Asked once: 1 not answered · last 2026-12-03 · zorvex",
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

  it('says so when there are no gaps', () => {
    const blocks = contentGapsBlocks(buildContentGaps({ unanswered: [], feedback: [] }));
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Content gaps*\n_No unanswered questions and no 👎 answers._' } }]);
  });

  it('shows the top N, counts the rest, and keeps every section within Slack limits', () => {
    const long = 'why '.repeat(2000);
    const report = buildContentGaps({
      unanswered: Array.from({ length: 25 }, (_, i) => unanswered({ at: `2026-12-01T09:00:${String(i).padStart(2, '0')}.000Z`, question: `topic${i} ${long}` })),
      feedback: Array.from({ length: 10 }, (_, i) => click({ id: `f${i}`, at: '2026-12-02T09:00:00.000Z', question: `topic0 ${long}`, comment: `comment ${i} ${'x'.repeat(5000)}` })),
    });
    const blocks = contentGapsBlocks(report, { limit: 5 });
    expect(blocks).toHaveLength(2 + 5 + 1);
    for (const block of blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
    }
    expect(JSON.stringify(blocks.at(-1))).toContain('…and 20 more.');
    expect(JSON.stringify(blocks[2])).toContain('Asked 11 times');
  });
});
