/** Injectable "today", so expiry at query time can be tested without waiting a day. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const date = new Date(iso);
  return { now: () => date };
}

/** Calendar date (YYYY-MM-DD) in UTC; approval dates in the knowledge folder are plain dates. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
