import { afterAll, beforeAll, expect, it } from 'vitest';
import { toReply } from '../../src/answering/reply-document.js';
import { type BotHarness, readable, settle, startHarness } from './helpers/bot-harness.js';
import { passThroughFilter } from './helpers/checked-replies.js';
import { JSON_TYPE, eventEnvelope, mentionEvent, sendToBot } from './helpers/signed-requests.js';

// The Slack layer shows the citations the filter keeps. With a filter that keeps the draft as
// it is, every source of the extractive answer must reach Slack with its approval code.

let h: BotHarness;
beforeAll(async () => {
  h = await startHarness({ services: { replyFilter: () => passThroughFilter } });
});
afterAll(async () => {
  await h?.close();
});

it('posts the answer with its [n] markers and a source line per citation: title, page or section, approval code', async () => {
  const question = 'max dose of zorvex for kids?';
  const expected = toReply(await h.services.ask(question, { threadId: 'test-only' }));
  expect(expected.citations.length).toBeGreaterThan(0);

  await sendToBot(h.url, eventEnvelope(mentionEvent(question, { channel: 'C0CITES01' })).body, JSON_TYPE);
  await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.update'));
  await settle(h);
  const update = h.fake.callsTo('chat.update')[0];
  const blocks = update?.args.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ text?: string }> }>;
  const answer = blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '').join('\n');
  const sources = blocks.filter((b) => b.type === 'context').map((b) => b.elements?.[0]?.text ?? '');
  for (const c of expected.citations) {
    expect(answer).toContain(`[${c.n}]`);
    const line = sources.find((s) => s.startsWith(`*[${c.n}]*`));
    expect(line).toContain(c.title);
    expect(line).toContain(`\`${c.approvalCode}\``);
    expect(line).toContain(c.page !== null ? `p. ${c.page}` : (c.section ?? ''));
  }
  expect(readable(update?.args ?? {})).toContain('MLR-2025-0101');
});
