import { loadConfig } from '../../../src/config/config.js';
import type { Clock } from '../../../src/core/clock.js';
import { createServices } from '../../../src/services/create-services.js';
import type { Services } from '../../../src/services/services.js';
import { EVAL_DAY, SAMPLE_KNOWLEDGE } from '../../helpers/answer-services.js';
import { tempDir } from '../../helpers/temp-knowledge.js';

/** A clock a test can move forward (session expiry). */
export class MovableClock implements Clock {
  private at: Date;
  constructor(iso: string = EVAL_DAY) {
    this.at = new Date(iso);
  }
  now(): Date {
    return this.at;
  }
  advanceHours(hours: number): void {
    this.at = new Date(this.at.getTime() + hours * 3_600_000);
  }
}

/**
 * Services over the sample knowledge in a data folder (a new one unless given: pass the same one
 * again to "restart" repbot on the same state). Indexes only when asked (the first start).
 */
export async function trainingServices(options: { dataDir?: string; clock?: Clock; ingest?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<{ services: Services; dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir('repbot-training-');
  const config = loadConfig(options.env ?? {}, { knowledgeDir: SAMPLE_KNOWLEDGE, dataDir });
  const services = await createServices(config, { clock: options.clock ?? new MovableClock() });
  if (options.ingest ?? true) await services.ingest();
  return { services, dataDir };
}
