import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AskDraft, AskDraftRequest, AskDrafter } from '../answering/answer-service.js';
import type { DraftWorkerData, FromDraftWorker, ToDraftWorker } from './draft-worker-protocol.js';

/** Workers to start: as configured, else one per core beyond the first (the bot's own thread has one), at most 2. */
export function answerWorkerCount(configured: number | undefined): number {
  return configured ?? Math.min(2, Math.max(0, os.availableParallelism() - 1));
}

interface Slot {
  worker: Worker;
  pending: Map<number, (draft: AskDraft | null) => void>;
  alive: boolean;
}

/**
 * Drafts `ask` answers in worker threads, each with its own copy of the knowledge snapshot
 * loaded from the index on disk: the retrieval and sentence scoring of an offline answer run
 * off the bot's event loop (and on another core), while the compliance filter, the audit record
 * and Slack stay on it. A request goes to the worker with the fewest waiting.
 * `null` means "draft it yourself": while a worker loads, after a re-index until it has the new
 * generation, after it failed or exited (it is not restarted; the bot's thread drafts from then
 * on, which is slower, never wrong). Limits: memory for one more index per worker; LLM mode
 * does not use it (answers wait on the model, not the CPU).
 */
export class DraftWorkers implements AskDrafter {
  private readonly slots: Slot[];
  private nextId = 1;

  constructor(
    count: number,
    data: DraftWorkerData,
    private readonly log: (line: string) => void,
  ) {
    this.slots = Array.from({ length: count }, () => this.start(data));
  }

  get size(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  draft(request: AskDraftRequest): Promise<AskDraft | null> {
    const slot = this.slots.filter((s) => s.alive).sort((a, b) => a.pending.size - b.pending.size)[0];
    if (!slot) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      // Held while it has work, so a pending draft keeps the process alive; idle, it does not.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, resolve);
      slot.worker.postMessage({ id, request } satisfies ToDraftWorker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        this.retire(slot);
        await slot.worker.terminate();
      }),
    );
  }

  private start(data: DraftWorkerData): Slot {
    const worker = workerFor(data);
    const slot: Slot = { worker, pending: new Map(), alive: true };
    worker.unref();
    worker.on('message', (message: FromDraftWorker) => {
      if (message.type === 'problem') {
        this.log(`An answer worker cannot draft answers (${message.message}); the bot drafts them itself.`);
        return;
      }
      if (message.error) this.log(`An answer worker failed on a question (${message.error}); the bot drafted it itself.`);
      slot.pending.get(message.id)?.(message.draft);
      slot.pending.delete(message.id);
      if (slot.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => {
      this.log(`An answer worker stopped (${error.message}); the bot drafts answers itself from now on.`);
      this.retire(slot);
    });
    worker.on('exit', () => this.retire(slot));
    return slot;
  }

  /** No more requests for it; those it holds are drafted by the caller. */
  private retire(slot: Slot): void {
    slot.alive = false;
    for (const resolve of slot.pending.values()) resolve(null);
    slot.pending.clear();
  }
}

/**
 * The worker for the code as it runs: the built JavaScript, or, when repbot runs from its
 * TypeScript sources (tests, `tsx`), the .ts file through tsx's loader.
 */
function workerFor(data: DraftWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const url = new URL('./draft-worker.ts', here).href;
    const script = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
    return new Worker(script, { eval: true, workerData: data });
  }
  return new Worker(new URL('./draft-worker.js', here), { workerData: data });
}
