/**
 * Every error repbot raises on purpose carries a stable `code` (for logs, tests and
 * the CLI's exit status) and, where it wraps another failure, the original as `cause`.
 * Expected failures (a bad file, an unrelated question) are returned as results, not thrown.
 */
export type RepbotErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_DIR_MISSING'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_LOCKED'
  | 'EMBEDDING_FAILED'
  | 'PROVIDER_FAILED'
  | 'USAGE'
  | 'INPUT_INVALID'
  /** The compliance audit log cannot be written: the reply is not given (fail closed). */
  | 'AUDIT_UNAVAILABLE'
  /** The audit log's hash chain does not verify: a record was changed or removed. */
  | 'AUDIT_TAMPERED'
  | 'INTERNAL';

export class RepbotError extends Error {
  readonly code: RepbotErrorCode;
  /** What the person running repbot can do about it. */
  readonly hint: string | undefined;

  constructor(code: RepbotErrorCode, message: string, options: { cause?: unknown; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RepbotError';
    this.code = code;
    this.hint = options.hint;
  }
}

export function isRepbotError(value: unknown): value is RepbotError {
  return value instanceof RepbotError;
}

/** A short, single-line description of any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
