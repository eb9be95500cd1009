import type { CheckedReply } from '../compliance/checked-reply.js';
import type { ComplianceFilter } from '../compliance/compliance-filter.js';
import type { GroundingSource } from '../compliance/grounding.js';
import type { GroundingPassage } from '../compliance/types.js';
import { RepbotError } from '../core/errors.js';
import type { Language, ProductCard } from '../knowledge/types.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import { detectLanguage } from '../text/language.js';
import type { AuditRecorder } from './audit-recorder.js';
import { knowledgeGroundingSource } from './knowledge-grounding.js';

export interface CheckOptions {
  /** The product the draft is about (slug, name or alias); detected from the text when absent. */
  product?: string;
  /** The draft's language; detected when absent. */
  language?: Language;
  /** Who checked it (Slack user id, or the person at the terminal): kept in the audit record. */
  user?: string;
  channel?: string;
  /** `cli`, `slack`…: kept in the audit record. */
  via?: string;
}

/** What a checked draft carries besides the filter's result. */
export interface CheckBody {
  kind: 'check';
  language: Language;
  /** The product slug the draft was checked for, when one was given. */
  product: string | null;
  /** The approved passages the grounding check consulted (what the draft's figures were held against). */
  sources: Array<{ id: string; approvalCode: string }>;
  /** The audit record of this check. */
  auditId: number | null;
}

export type CheckedDraft = CheckedReply<CheckBody>;

export interface CheckServiceDeps {
  knowledge(): Promise<KnowledgeBase>;
  filterFor(kb: KnowledgeBase): ComplianceFilter;
  audit: AuditRecorder;
}

/**
 * `check`: a draft someone wrote (an e-mail, a slide note) through the compliance filter with no
 * cited sources: its numbers and comparisons are grounded against the indexed approved
 * knowledge. Recorded in the audit log like every answer; fails closed when it cannot be.
 */
export function createCheckService(deps: CheckServiceDeps): { check(text: string, options?: CheckOptions): Promise<CheckedDraft> } {
  return {
    async check(text, options = {}) {
      const kb = await deps.knowledge();
      const product = options.product === undefined ? null : findProduct(kb.products, options.product);
      const consulted = new Map<string, GroundingPassage>();
      const base = knowledgeGroundingSource(kb);
      const grounding: GroundingSource = {
        async findSupport(sentence, scope) {
          const found = await base.findSupport(sentence, scope);
          for (const p of found) consulted.set(p.id, p);
          return found;
        },
      };
      const language = options.language ?? detectLanguage(text);
      const body: CheckBody = { kind: 'check', language, product: product?.slug ?? null, sources: [], auditId: null };
      return deps.filterFor(kb).approve({ text, language, ...(product ? { product: product.slug } : {}), grounding }, body, (result, payload) => {
        const sources = [...consulted.values()].map((p) => ({ id: p.id, approvalCode: p.approvalCode }));
        const auditId = deps.audit.record({
          user: options.user ?? 'unknown',
          channel: options.channel ?? null,
          source: options.via ?? 'unknown',
          kind: 'check',
          draft: text,
          sources: sources.map((s) => ({ chunkId: s.id, approvalCode: s.approvalCode })),
          result,
          context: { language, product: payload.product },
        });
        return { ...payload, sources, auditId };
      });
    },
  };
}

function findProduct(products: readonly ProductCard[], wanted: string): ProductCard {
  const key = wanted.trim().toLowerCase();
  const found = products.find((p) => p.slug.toLowerCase() === key || p.name.toLowerCase() === key || p.aliases.some((a) => a.toLowerCase() === key));
  if (found) return found;
  const known = products.map((p) => p.slug).join(', ') || 'none';
  throw new RepbotError('USAGE', `--product "${wanted}" is not a product in the knowledge folder (products: ${known}).`, {
    hint: 'Use a product folder name, or a name or alias from its product.yaml.',
  });
}
