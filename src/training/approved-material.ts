import { isoDate } from '../core/clock.js';
import type { Chunk, DocType, ProductCard } from '../knowledge/types.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';

/**
 * The approved chunks of one product that are unexpired on `today`, optionally of some document
 * types: what quizzes are generated from and what role-play feedback cites. Checked at use time,
 * so material that expired since the last ingest is never used.
 */
export function approvedChunks(kb: KnowledgeBase, product: string, today: Date, docTypes?: readonly DocType[]): Chunk[] {
  const day = isoDate(today);
  return (kb.index?.vectors.chunks() ?? [])
    .map(({ chunk }) => chunk)
    .filter(
      (c) =>
        c.product === product &&
        c.status === 'approved' &&
        (c.expiresOn === null || c.expiresOn >= day) &&
        (docTypes === undefined || docTypes.includes(c.docType)),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The product card a trainer named (slug, name or alias, any case); undefined when none matches. */
export function resolveProduct(products: readonly ProductCard[], wanted: string): ProductCard | undefined {
  const w = wanted.trim().toLowerCase();
  return products.find((p) => [p.slug, p.name, ...p.aliases].some((n) => n.toLowerCase() === w));
}
