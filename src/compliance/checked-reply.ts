import { RepbotError } from '../core/errors.js';
import type { CheckResult } from './types.js';

// Type-level brand: no object literal or other module can produce a CheckedReply without a
// cast, and the registry below catches casts at run time.
declare const checked: unique symbol;

/**
 * A reply that has passed the compliance filter: the only thing the Slack and CLI renderers
 * accept. `text` is what may be posted (empty when blocked or routed; `compliance.notes` then
 * says why and where it went). `payload` carries what the renderer needs besides the text
 * (citations, a script), as given to `approve`.
 */
export interface CheckedReply<T = unknown> {
  readonly [checked]: true;
  readonly text: string;
  readonly compliance: Readonly<CheckResult>;
  readonly payload: T;
}

const minted = new WeakSet<object>();

/**
 * Internal to the compliance module: only `compliance-filter.ts` may call this (a test holds
 * that line), and the package surface (`index.ts`) does not export it.
 */
export function createChecked<T>(result: CheckResult, payload: T): CheckedReply<T> {
  const compliance = deepFreeze(structuredClone(result));
  const reply = Object.freeze({ text: compliance.text, compliance, payload }) as unknown as CheckedReply<T>;
  minted.add(reply);
  return reply;
}

export function isCheckedReply(value: unknown): value is CheckedReply<unknown> {
  return typeof value === 'object' && value !== null && minted.has(value);
}

/** For renderers: refuses anything the filter did not produce, even if a cast made it type-check. */
export function assertCheckedReply<T>(value: CheckedReply<T>): CheckedReply<T> {
  if (!isCheckedReply(value)) {
    throw new RepbotError('INTERNAL', 'Refusing to send a reply that did not pass the compliance filter.', {
      hint: 'Every outgoing text must come from ComplianceFilter.approve().',
    });
  }
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
