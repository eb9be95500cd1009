import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BotHarness, settle, startHarness } from './helpers/bot-harness.js';
import { JSON_TYPE, eventEnvelope, mentionEvent, sendToBot } from './helpers/signed-requests.js';

// SLACK_EXTERNAL_CHANNELS=hcp-only: in a Slack Connect channel, answers quote `audience: hcp` material only.
let h: BotHarness;
beforeAll(async () => {
  h = await startHarness({ env: { SLACK_EXTERNAL_CHANNELS: 'hcp-only' } });
});
afterAll(async () => {
  await h?.close();
});

const STORAGE_QUICK_REFERENCE = 'MLR-2025-0130'; // calmira-storage-and-handling.txt, audience: internal
const CALMIRA_LABEL = 'MLR-2025-0121'; // audience: hcp

async function askIn(channel: string, text: string, shared: boolean): Promise<string> {
  const { body } = eventEnvelope(mentionEvent(text, { channel }), shared ? { is_ext_shared_channel: true } : {});
  expect((await sendToBot(h.url, body, JSON_TYPE)).status).toBe(200);
  await h.fake.waitFor((calls) => calls.some((c) => c.args.channel === channel && c.method === 'chat.update'));
  await settle(h);
  const update = h.fake.calls.find((c) => c.args.channel === channel && c.method === 'chat.update');
  return JSON.stringify(update?.args.blocks ?? []);
}

it('quotes internal material in the team’s own channel but only HCP material in a shared one', async () => {
  const internal = await askIn('C0OWNCHAN', 'how should calmira be stored?', false);
  expect(internal).toContain(STORAGE_QUICK_REFERENCE);

  const shared = await askIn('C0SHARED2', 'how should calmira be stored?', true);
  expect(shared).toContain(CALMIRA_LABEL);
  expect(shared).not.toContain(STORAGE_QUICK_REFERENCE);
});
