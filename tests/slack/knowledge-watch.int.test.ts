import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createServices } from '../../src/services/create-services.js';
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

it('brings the index up to date at start-up with what changed while the bot was stopped', async () => {
  const kb = tempDir('repbot-catchup-kb-');
  copyDir(path.join(REPO_ROOT, 'knowledge'), kb);
  const dataDir = tempDir('repbot-catchup-data-');
  const before = await createServices(loadConfig({ REPBOT_DATA_DIR: dataDir }, { knowledgeDir: kb }, REPO_ROOT));
  await before.ingest();
  await before.close();
  // Medical affairs add a document while the bot is down.
  fs.writeFileSync(
    path.join(kb, 'zorvex', 'travel-faq.md'),
    frontMatter(
      { title: 'Zorvex travel FAQ (FICTIONAL)', docType: 'faq', approvalCode: 'MLR-2025-0998', status: 'approved', approvedOn: '2025-01-10', expiresOn: '2030-01-10', audience: 'hcp', language: 'en' },
      '# Travel\n\nFICTIONAL SAMPLE. Zorvex tablets can be carried in hand luggage when travelling; keep them in the original blister pack.\n',
    ),
  );
  const restarted = await startHarness({ knowledgeDir: kb, dataDir });
  try {
    expect(restarted.logs.join('\n')).toContain('Knowledge brought up to date: 1 added, 0 updated, 0 removed.');
    expect(await restarted.services.search('zorvex hand luggage travelling', { k: 3 })).toContainEqual(expect.objectContaining({ approvalCode: 'MLR-2025-0998' }));
  } finally {
    await restarted.close();
  }
});
