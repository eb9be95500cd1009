import fs from 'node:fs/promises';
import path from 'node:path';
import { isoDate } from '../core/clock.js';
import type { Manifest } from '../retrieval/index-store.js';
import type { ProductCard, SkipKind, SkippedFile } from '../knowledge/types.js';

export interface StatusReport {
  knowledgeDir: string;
  embeddingModel: string;
  index: {
    generation: string;
    documents: number;
    chunks: number;
    bytes: number;
    lastIngestAt: string | null;
  } | null;
  products: Array<{ product: string; name: string; byStatus: Record<'indexed' | SkipKind, number> }>;
  expiringWithinDays: number;
  expiringSoon: Array<{ file: string; title: string; approvalCode: string; expiresOn: string; daysLeft: number }>;
  /** Indexed, but expired since: no longer cited, and dropped at the next ingest. */
  expiredSinceIngest: Array<{ file: string; title: string; approvalCode: string; expiresOn: string }>;
  skipped: SkippedFile[];
}

const DAY = 86_400_000;

export async function buildStatus(input: {
  knowledgeDir: string;
  embeddingModel: string;
  indexRoot: string;
  generation: string | null;
  manifest: Manifest | null;
  products: ProductCard[];
  now: Date;
  withinDays?: number;
}): Promise<StatusReport> {
  const within = input.withinDays ?? 30;
  const today = isoDate(input.now);
  const horizon = isoDate(new Date(input.now.getTime() + within * DAY));
  const manifest = input.manifest;
  const files = Object.entries(manifest?.files ?? {});
  const empty = (): Record<'indexed' | SkipKind, number> => ({
    indexed: 0,
    draft: 0,
    withdrawn: 0,
    expired: 0,
    'no-approval': 0,
    invalid: 0,
  });
  const byProduct = new Map<string, Record<'indexed' | SkipKind, number>>();
  const bump = (product: string, key: 'indexed' | SkipKind) => {
    const counts = byProduct.get(product) ?? empty();
    counts[key]++;
    byProduct.set(product, counts);
  };
  for (const p of input.products) byProduct.set(p.slug, empty());
  const expiringSoon: StatusReport['expiringSoon'] = [];
  const expiredSinceIngest: StatusReport['expiredSinceIngest'] = [];
  for (const [file, entry] of files) {
    const { expiresOn, title, approvalCode } = entry.meta;
    if (expiresOn && expiresOn < today) {
      bump(folderOf(file), 'expired');
      expiredSinceIngest.push({ file, title, approvalCode, expiresOn });
      continue;
    }
    bump(folderOf(file), 'indexed');
    if (expiresOn && expiresOn <= horizon) {
      const daysLeft = Math.round((Date.parse(expiresOn) - Date.parse(today)) / DAY);
      expiringSoon.push({ file, title, approvalCode, expiresOn, daysLeft });
    }
  }
  // Entries without a kind are partial skips (FAQ items) of a file that is itself indexed.
  for (const s of manifest?.skipped ?? []) if (s.kind) bump(folderOf(s.file), s.kind);
  expiringSoon.sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));

  let index: StatusReport['index'] = null;
  if (manifest && input.generation) {
    index = {
      generation: input.generation,
      documents: files.length,
      chunks: files.reduce((n, [, f]) => n + f.labels.length, 0),
      bytes: await directorySize(path.join(input.indexRoot, input.generation)),
      lastIngestAt: manifest.lastIngest?.at ?? null,
    };
  }
  const names = new Map(input.products.map((p) => [p.slug, p.name]));
  return {
    knowledgeDir: input.knowledgeDir,
    embeddingModel: manifest?.embeddingModelId ?? input.embeddingModel,
    index,
    products: [...byProduct].map(([product, byStatus]) => ({ product, name: names.get(product) ?? product, byStatus })),
    expiringWithinDays: within,
    expiringSoon,
    expiredSinceIngest,
    skipped: manifest?.skipped ?? [],
  };
}

function folderOf(file: string): string {
  return file.includes('/') ? (file.split('/')[0] ?? file) : '(top level)';
}

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    total += (await fs.stat(path.join(dir, name)).catch(() => ({ size: 0 }))).size;
  }
  return total;
}
