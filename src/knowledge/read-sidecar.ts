import fs from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../core/errors.js';
import { type Result, fail, ok } from '../core/result.js';
import { parseYamlMapping } from './parse-yaml-mapping.js';
import { decodeUtf8 } from './text-encoding.js';

const SIDECAR_SUFFIXES = ['.meta.yaml', '.meta.yml'];

/**
 * The raw fields of `<file>.meta.yaml` (or `.meta.yml`) next to a document: null when there is
 * no sidecar, `{}` when it is empty, an error naming the sidecar (and the YAML line) when it
 * cannot be read.
 */
export async function readSidecar(absPath: string): Promise<Result<Record<string, unknown> | null, string>> {
  for (const suffix of SIDECAR_SUFFIXES) {
    const sidecar = `${absPath}${suffix}`;
    const name = path.basename(sidecar);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(sidecar);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return fail(`sidecar ${name} cannot be read (${describeError(error)}) — check its permissions`);
    }
    const text = decodeUtf8(bytes);
    if (!text.ok) return fail(`sidecar ${name} ${text.error}`);
    const fields = parseYamlMapping(text.value, `sidecar ${name}`);
    if (!fields.ok) return fields;
    return ok(fields.value ?? {});
  }
  return ok(null);
}
