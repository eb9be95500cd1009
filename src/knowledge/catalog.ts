import fs from 'node:fs/promises';
import YAML from 'yaml';
import { describeError } from '../core/errors.js';
import { parseProductCard } from './metadata-schema.js';
import type { KnowledgeScan } from './scan.js';
import type { ProductCard, SkippedFile } from './types.js';

export interface Catalog {
  products: ProductCard[];
  problems: SkippedFile[];
}

/** Reads every `product.yaml`; a broken card is reported by file and the product still works by folder name. */
export async function loadCatalog(scan: KnowledgeScan): Promise<Catalog> {
  const products: ProductCard[] = [];
  const problems: SkippedFile[] = [];
  for (const card of scan.productCards) {
    let raw: unknown;
    try {
      raw = YAML.parse(await fs.readFile(card.absPath, 'utf8'));
    } catch (error) {
      problems.push({ file: card.relPath, reason: `not valid YAML (${describeError(error)}) — fix the syntax` });
      continue;
    }
    const parsed = parseProductCard(raw, { file: card.relPath, productFolder: card.productFolder });
    if (parsed.ok) products.push(parsed.value);
    else problems.push({ file: card.relPath, reason: parsed.error });
  }
  const known = new Set(products.map((p) => p.slug));
  for (const doc of scan.documents) {
    if (known.has(doc.productFolder) || doc.productFolder.startsWith('_')) continue;
    known.add(doc.productFolder);
    products.push(fallbackCard(doc.productFolder));
  }
  return { products, problems };
}

function fallbackCard(slug: string): ProductCard {
  return {
    slug,
    name: slug,
    aliases: [],
    indications: [],
    competitors: [],
    safetySummary: {},
    medicalInformation: null,
    pharmacovigilance: null,
    fictional: false,
  };
}
