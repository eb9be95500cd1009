import { RepbotError } from '../core/errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `--from`/`--to` style option: a real calendar day written YYYY-MM-DD, or undefined when absent. */
export function dateOption(value: string | boolean | undefined, name: string): string | undefined {
  if (value === undefined || value === false) return undefined;
  const text = String(value).trim();
  const m = DATE.exec(text);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.toISOString().slice(0, 10) !== text) {
    throw new RepbotError('USAGE', `--${name} must be a date written YYYY-MM-DD (e.g. 2026-12-01), got "${text}".`);
  }
  return text;
}
