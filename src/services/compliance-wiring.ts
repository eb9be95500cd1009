import { type ComplianceFilter, createComplianceFilter, loadComplianceConfig } from '../compliance/index.js';
import { RepbotError } from '../core/errors.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';

/**
 * The compliance filter for a knowledge snapshot: the shipped rule packs, the company override
 * file in the knowledge folder, and the snapshot's product cards. Fails closed: without valid
 * rule packs nothing can be approved, so nothing is answered. (It is also a `ReplyFilter`.)
 */
export function complianceFilterFor(knowledgeDir: string): (kb: KnowledgeBase) => ComplianceFilter {
  const filters = new WeakMap<KnowledgeBase, ComplianceFilter>();
  return (kb) => {
    const cached = filters.get(kb);
    if (cached) return cached;
    const config = loadComplianceConfig({ knowledgeDir });
    if (!config.ok) {
      throw new RepbotError('CONFIG_INVALID', `The compliance rules cannot be loaded:\n  ${config.error.join('\n  ')}`, {
        hint: 'Nothing is answered without the compliance filter. Fix the files named above.',
      });
    }
    const filter = createComplianceFilter({ packs: config.value.packs, overrides: config.value.overrides, products: kb.products });
    filters.set(kb, filter);
    return filter;
  };
}
