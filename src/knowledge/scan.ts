import fs from 'node:fs/promises';
import path from 'node:path';

export interface ScannedFile {
  /** Path relative to the knowledge folder, with forward slashes: the name people see. */
  relPath: string;
  absPath: string;
  /** The product folder the file sits in (`_shared` for shared material). */
  productFolder: string;
  sidecarPath: string | null;
}

export interface KnowledgeScan {
  documents: ScannedFile[];
  productCards: Array<{ relPath: string; absPath: string; productFolder: string }>;
  /** Files placed where they cannot be used, with the reason. */
  misplaced: Array<{ file: string; reason: string }>;
}

/** Files that configure the folder rather than being approved material. */
const CONTROL_FILES = new Set(['product.yaml', 'glossary.yaml', 'compliance-overrides.yaml', 'readme.md']);

/**
 * Lists the knowledge folder: `<product>/**` documents, their sidecars and product cards.
 * Hidden files, editor backups and control files are not documents.
 */
export async function scanKnowledge(root: string): Promise<KnowledgeScan> {
  const scan: KnowledgeScan = { documents: [], productCards: [], misplaced: [] };
  const all = await walk(root);
  const present = new Set(all);
  for (const absPath of all.sort()) {
    const relPath = path.relative(root, absPath).split(path.sep).join('/');
    const parts = relPath.split('/');
    const name = (parts[parts.length - 1] ?? '').toLowerCase();
    if (parts.length === 1) {
      if (!CONTROL_FILES.has(name)) {
        scan.misplaced.push({
          file: relPath,
          reason: 'files at the top of the knowledge folder are not indexed — move it into a product folder (or _shared/)',
        });
      }
      continue;
    }
    const productFolder = parts[0] ?? '';
    if (name === 'product.yaml' && parts.length === 2) {
      scan.productCards.push({ relPath, absPath, productFolder });
      continue;
    }
    if (name.endsWith('.meta.yaml') || name.endsWith('.meta.yml')) {
      const target = absPath.replace(/\.meta\.ya?ml$/i, '');
      if (!present.has(target)) {
        scan.misplaced.push({
          file: relPath,
          reason: `sidecar for "${path.basename(target)}", which is not in the folder — add the document or delete the sidecar`,
        });
      }
      continue;
    }
    if (CONTROL_FILES.has(name) && name !== 'readme.md') {
      // Read from one place only: a copy elsewhere would silently do nothing.
      scan.misplaced.push({
        file: relPath,
        reason:
          name === 'product.yaml'
            ? 'product.yaml is read only directly inside a product folder (e.g. zorvex/product.yaml) — move it there'
            : `${name} is read only at the top of the knowledge folder (knowledge/${name}) — move it there; this copy is ignored and never indexed`,
      });
      continue;
    }
    const sidecar = [`${absPath}.meta.yaml`, `${absPath}.meta.yml`].find((p) => present.has(p)) ?? null;
    scan.documents.push({ relPath, absPath, productFolder, sidecarPath: sidecar });
  }
  return scan;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name.endsWith('~') || entry.name.startsWith('~$')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
