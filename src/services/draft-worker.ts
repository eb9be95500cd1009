// The body of an answer-drafting worker thread (see draft-workers.ts): its own copy of the
// knowledge snapshot, loaded from the index on disk, drafting `ask` answers one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { type AskDraft, type AskDraftRequest, draftAsk } from '../answering/answer-service.js';
import { loadRoutingLexicon } from '../answering/routing/routing-lexicon.js';
import { describeError } from '../core/errors.js';
import { createEmbeddings } from '../retrieval/embeddings/create-embeddings.js';
import { IndexStore } from '../retrieval/index-store.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { DraftWorkerData, FromDraftWorker, ToDraftWorker } from './draft-worker-protocol.js';
import { loadSnapshot } from './knowledge-snapshot.js';

const port = parentPort;
if (!port) throw new Error('draft-worker.ts runs in a worker thread');
const data = workerData as DraftWorkerData;
const post = (message: FromDraftWorker) => port.postMessage(message);

// Every request carries the caller's time: approval and expiry are checked against it.
let now = new Date();
const clock = { now: () => now };
const embeddings = createEmbeddings(data.embeddings);
const store = new IndexStore(data.dataDir);
const lexicon = loadRoutingLexicon();

let snapshot: KnowledgeBase | null = null;
let loading: Promise<void> | null = null;

/** Loads the store's current generation (once at a time); the requests meanwhile are drafted by the caller. */
function reload(): void {
  loading ??= loadSnapshot(data.knowledgeDir, store, embeddings, data.searchEf, clock)
    .then((kb) => {
      snapshot = kb;
    })
    .catch((error: unknown) => post({ type: 'problem', message: `cannot load the index: ${describeError(error)}` }))
    .finally(() => {
      loading = null;
    });
}

async function draft(request: AskDraftRequest): Promise<AskDraft | null> {
  if (!lexicon.ok) return null;
  if (snapshot?.index?.generation !== request.generation) {
    // The caller has another snapshot (a re-index happened): catch up in the background.
    reload();
    return null;
  }
  now = new Date(request.at);
  const { draft } = await draftAsk(snapshot, request.ctx, request.question, { lexicon: lexicon.value, k: request.k, selection: request.selection }, request.audiences);
  return draft;
}

if (embeddings.modelId !== data.modelId) {
  post({ type: 'problem', message: `its embedding model ${embeddings.modelId} is not the bot's ${data.modelId}` });
} else if (!lexicon.ok) {
  post({ type: 'problem', message: `the routing word lists cannot be loaded: ${lexicon.error.join('; ')}` });
} else {
  reload();
}

// One draft at a time: the clock above belongs to the request being drafted.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToDraftWorker) => {
  queue = queue.then(async () => {
    try {
      post({ type: 'draft', id: message.id, draft: await draft(message.request) });
    } catch (error) {
      post({ type: 'draft', id: message.id, draft: null, error: describeError(error) });
    }
  });
});
