import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AskDraftRequest, draftAsk } from '../../src/answering/answer-service.js';
import { DEFAULT_SELECTION } from '../../src/answering/extract/select-sentences.js';
import { questionContext } from '../../src/answering/question-context.js';
import { loadRoutingLexicon } from '../../src/answering/routing/routing-lexicon.js';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { createEmbeddings } from '../../src/retrieval/embeddings/create-embeddings.js';
import { IndexStore } from '../../src/retrieval/index-store.js';
import type { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';
import { createServices } from '../../src/services/create-services.js';
import { DraftWorkers } from '../../src/services/draft-workers.js';
import { loadSnapshot } from '../../src/services/knowledge-snapshot.js';
import type { Services } from '../../src/services/services.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { tempDir } from '../helpers/temp-knowledge.js';

// Answers drafted in worker threads (the Slack bot's default on more than one core): the same
// drafts as in the bot's thread, from a real worker over the real index; and `null` (the bot
// drafts itself) whenever the worker cannot give the bot's snapshot.

const QUESTIONS = [
  'max dose of zorvex for kids?',
  'Calmira storage temperature',
  '卡米拉的保存温度是多少？',
  'My patient on zorvex had severe muscle pain yesterday',
  'can zorvex be used for weight loss?',
  'does calmira cause hair loss?',
];

const clock = fixedClock(EVAL_DAY);
let knowledgeDir: string;
let services: Services;
let kb: KnowledgeBase;
let workers: DraftWorkers;
const lexicon = loadRoutingLexicon();
const settings = () => {
  if (!lexicon.ok) throw new Error(lexicon.error.join('; '));
  return { lexicon: lexicon.value, k: 8, selection: DEFAULT_SELECTION };
};
const logs: string[] = [];

async function snapshot(): Promise<KnowledgeBase> {
  const embeddings = createEmbeddings(services.config.embeddings);
  return loadSnapshot(knowledgeDir, new IndexStore(services.config.dataDir), embeddings, services.config.searchEf, clock);
}

async function request(base: KnowledgeBase, question: string): Promise<AskDraftRequest> {
  const ctx = await questionContext(question, base.products, undefined, {});
  return { generation: base.index?.generation ?? '', question, ctx, at: EVAL_DAY, k: 8, selection: DEFAULT_SELECTION };
}

/** The worker's draft once it has loaded the snapshot (it answers null until then). */
async function draftWhenReady(req: AskDraftRequest, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const draft = await workers.draft(req);
    if (draft || Date.now() > until) return draft;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  knowledgeDir = tempDir('repbot-draft-kb-');
  fs.cpSync(SAMPLE_KNOWLEDGE, knowledgeDir, { recursive: true });
  const config = loadConfig({}, { knowledgeDir, dataDir: tempDir('repbot-draft-data-') });
  services = await createServices(config, { clock });
  await services.ingest();
  kb = await snapshot();
  const embeddings = createEmbeddings(config.embeddings);
  workers = new DraftWorkers(1, { knowledgeDir, dataDir: config.dataDir, searchEf: config.searchEf, embeddings: config.embeddings, modelId: embeddings.modelId }, (l) => logs.push(l));
}, 60_000);

afterAll(async () => {
  await workers.close();
  await services.close();
});

describe('DraftWorkers', () => {
  it('drafts in a worker thread exactly what the bot drafts in its own (answers, routes, not found)', async () => {
    const kinds = new Set<string>();
    for (const question of QUESTIONS) {
      const req = await request(kb, question);
      const inThread = await draftAsk(kb, req.ctx, question, settings());
      const inWorker = await draftWhenReady(req);
      expect(inWorker, question).toEqual(inThread.draft);
      kinds.add(inThread.draft.kind === 'answer' ? 'answer' : inThread.draft.draft.routing.route);
    }
    expect([...kinds].sort()).toEqual(['answer', 'medical-information', 'not-found', 'pharmacovigilance']);
    expect(logs).toEqual([]);
  }, 60_000);

  it('gives null for another generation than its own, and catches up with a re-index', async () => {
    const before = kb;
    fs.appendFileSync(path.join(knowledgeDir, 'calmira', 'calmira-storage-and-handling.txt'), '\nKeep the carton closed until use.\n');
    await services.ingest();
    const after = await snapshot();
    expect(after.index?.generation).not.toBe(before.index?.generation);

    const question = 'Calmira storage temperature';
    const newer = await request(after, question);
    // The first request for the new generation is drafted by the caller; the worker reloads meanwhile.
    expect(await workers.draft(newer)).toBeNull();
    expect(await draftWhenReady(newer)).toEqual((await draftAsk(after, newer.ctx, question, settings())).draft);
    expect(await workers.draft(await request(before, question))).toBeNull();
  }, 60_000);

  it('a worker that cannot draft (another embedding model than the bot\'s) or is closed leaves every request to the caller', async () => {
    const spare = new DraftWorkers(1, { knowledgeDir, dataDir: services.config.dataDir, searchEf: services.config.searchEf, embeddings: services.config.embeddings, modelId: 'another-model' }, (l) => logs.push(l));
    const req = await request(kb, 'Calmira storage temperature');
    // A worker whose embedding model is not the bot's never drafts, and says why.
    const until = Date.now() + 20_000;
    while (!logs.some((l) => l.includes('is not the bot')) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logs.some((l) => l.includes('is not the bot'))).toBe(true);
    expect(await spare.draft(req)).toBeNull();
    await spare.close();
    expect(spare.size).toBe(0);
    expect(await spare.draft(req)).toBeNull();
  }, 30_000);
});

describe('services with answers drafted in workers', () => {
  it('answer as the services without them do', async () => {
    const dataDir = tempDir('repbot-draft-services-');
    const base = { knowledgeDir, dataDir };
    const plain = await createServices(loadConfig({}, base), { clock });
    await plain.ingest();
    const threaded = await createServices(loadConfig({ REPBOT_ANSWER_WORKERS: '1' }, base), { clock, draftInWorkers: true });
    try {
      for (const question of QUESTIONS) {
        const expected = await plain.ask(question);
        // The first questions may be drafted in the bot's thread while the worker loads: ask until it has.
        const got = await threaded.ask(question);
        expect(got.text, question).toBe(expected.text);
        expect(got.payload.citations).toEqual(expected.payload.citations);
      }
    } finally {
      await threaded.close();
      await plain.close();
    }
  }, 60_000);
});
