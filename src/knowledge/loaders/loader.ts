import type { Result } from '../../core/result.js';
import type { LoadedFile } from '../types.js';

/** One file of the knowledge folder, already read. `relPath` is the name shown to people. */
export interface FileInput {
  relPath: string;
  absPath: string;
  bytes: Buffer;
}

/**
 * Turns the bytes of one format into passages. An unreadable file is an expected failure:
 * the error is a reason a person can act on (it does not repeat the file name).
 */
export interface Loader {
  readonly kind: string;
  load(input: FileInput): Promise<Result<LoadedFile, string>>;
}
