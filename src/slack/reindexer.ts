import type { IngestReport } from '../knowledge/ingest.js';
import type { Services } from '../services/services.js';

/**
 * One re-index at a time. A request while one runs joins it (and gets its report) instead of
 * starting a second ingest over the same folder. Answers keep using the current index while
 * it runs: the services swap the new snapshot in when it is complete.
 */
export class Reindexer {
  private running: Promise<IngestReport> | null = null;

  constructor(private readonly services: Pick<Services, 'ingest'>) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** `started` is false when the call joined a re-index already in progress. */
  async run(): Promise<{ report: IngestReport; started: boolean }> {
    if (this.running) return { report: await this.running, started: false };
    this.running = this.services.ingest().finally(() => {
      this.running = null;
    });
    return { report: await this.running, started: true };
  }
}
