import { RepbotError } from '../core/errors.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Half-open bounds in ISO time: `from <= at < before` (either side open when absent). */
export interface TimeBounds {
  from: string | null;
  before: string | null;
}

/**
 * `--from`/`--to` as time bounds. Both are inclusive: a date (YYYY-MM-DD) means the start of that
 * day (from) or the whole of that day (to), in UTC; a full ISO time is taken as it is.
 * Throws INPUT_INVALID for anything else, naming the value.
 */
export function timeBounds(range: { from?: string; to?: string }): TimeBounds {
  const from = range.from ? startOf(range.from) : null;
  let before: string | null = null;
  if (range.to) {
    if (DATE_ONLY.test(range.to)) {
      const next = new Date(startOf(range.to));
      next.setUTCDate(next.getUTCDate() + 1);
      before = next.toISOString();
    } else {
      // An inclusive time: one millisecond later is the exclusive bound.
      before = new Date(new Date(startOf(range.to)).getTime() + 1).toISOString();
    }
  }
  return { from, before };
}

export function withinBounds(at: string, bounds: TimeBounds): boolean {
  return (bounds.from === null || at >= bounds.from) && (bounds.before === null || at < bounds.before);
}

function startOf(value: string): string {
  const time = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(time.getTime())) {
    throw new RepbotError('INPUT_INVALID', `"${value}" is not a date or time.`, { hint: 'Use YYYY-MM-DD (a UTC day) or a full ISO time such as 2026-12-07T09:30:00Z.' });
  }
  return time.toISOString();
}
