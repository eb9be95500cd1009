import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repbot package folder (this file is src/core/paths.ts, or dist/core/paths.js once built). */
export const packageRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** Data files shipped with repbot: the base glossary, compliance rule packs, personas. */
export const dataDir = path.join(packageRoot, 'data');
