import path from 'node:path';
import { createComplianceFilter } from '../../src/compliance/index.js';
import { memoryRouteAudit } from '../../src/answering/route-audit.js';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { createServices, type ServiceOptions } from '../../src/services/create-services.js';
import type { Services } from '../../src/services/services.js';
import { tempDir } from './temp-knowledge.js';

export const SAMPLE_KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');
/** A day on which every sample document is approved and unexpired. */
export const EVAL_DAY = '2026-06-01T09:00:00Z';

/**
 * A filter with no rules: it still mints the CheckedReply (so every path is checked the real
 * way) but changes nothing, so answer quality is measured apart from the compliance rules.
 */
export const passThroughFilter = () => createComplianceFilter({ packs: [] });

/** Services over a knowledge folder, indexed into a fresh data folder, with the real compliance filter (what users get). */
export async function answerServices(knowledgeDir: string, options: ServiceOptions = {}): Promise<{ services: Services; audit: ReturnType<typeof memoryRouteAudit> }> {
  const audit = memoryRouteAudit();
  const config = loadConfig({}, { knowledgeDir, dataDir: tempDir('repbot-answers-') });
  const services = await createServices(config, { clock: fixedClock(EVAL_DAY), routeAudit: audit, ...options });
  await services.ingest();
  return { services, audit };
}
