import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyDir, frontMatter, tempDir } from '../helpers/temp-knowledge.js';
import { type BotHarness, REPO_ROOT, UPDATES_CHANNEL, readable, startHarness } from './helpers/bot-harness.js';

let h: BotHarness;
let knowledge: string;
beforeAll(async () => {
  knowledge = tempDir('repbot-watch-kb-');
  copyDir(path.join(REPO_ROOT, 'knowledge'), knowledge);
  h = await startHarness({ knowledgeDir: knowledge, watchDebounceMs: 300 });
});
afterAll(async () => {
  await h?.close();
});

it('re-indexes when the knowledge folder changes and posts the summary to the updates channel', async () => {
  expect(await h.services.search('zorvex travel vaccination advice', { k: 3 })).not.toContainEqual(expect.objectContaining({ approvalCode: 'MLR-2025-0999' }));
  fs.writeFileSync(
    path.join(knowledge, 'zorvex', 'travel-faq.md'),
    frontMatter(
      { title: 'Zorvex travel FAQ (FICTIONAL)', docType: 'faq', approvalCode: 'MLR-2025-0999', status: 'approved', approvedOn: '2025-01-10', expiresOn: '2030-01-10', audience: 'hcp', language: 'en' },
      '# Travel\n\nFICTIONAL SAMPLE. Zorvex tablets can be carried in hand luggage when travelling; keep them in the original blister pack.\n',
    ),
  );
  fs.writeFileSync(path.join(knowledge, 'zorvex', '.travel-faq.md.swp'), 'editor noise');
  await h.fake.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === UPDATES_CHANNEL), 30_000, 'the re-index summary');
  const summary = readable(h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === UPDATES_CHANNEL)?.args ?? {});
  expect(summary).toContain('1 added');
  expect(summary).toContain('zorvex/travel-faq.md');
  expect(await h.services.search('zorvex hand luggage travelling', { k: 3 })).toContainEqual(expect.objectContaining({ approvalCode: 'MLR-2025-0999' }));
});
