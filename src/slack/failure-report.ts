import { randomBytes } from 'node:crypto';
import type { Logger } from '@slack/bolt';
import { isRepbotError } from '../core/errors.js';

/** A short id the user can quote to an admin; the log line carries the same id. */
export function newReferenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/**
 * Logs a failure in full (code, message, stack, cause) under a new reference id and returns the
 * id. The user is only ever shown the id, never the error: it may name files, hosts or worse.
 */
export function reportFailure(logger: Logger, what: string, error: unknown, context: Record<string, string | undefined> = {}): string {
  const ref = newReferenceId();
  const code = isRepbotError(error) ? error.code : errorCodeOf(error);
  const where = Object.entries(context)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  logger.error(`[ref ${ref}] ${what} failed (${code})${where ? ` ${where}` : ''}:`, error);
  return ref;
}

/** Slack Web API errors carry `code` ("slack_webapi_platform_error") and `data.error` ("channel_not_found"). */
function errorCodeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'INTERNAL';
  const e = error as { code?: unknown; data?: { error?: unknown } };
  const detail = typeof e.data?.error === 'string' ? `:${e.data.error}` : '';
  return typeof e.code === 'string' ? `${e.code}${detail}` : 'INTERNAL';
}
