import { RepbotError } from '../core/errors.js';

const PLACEHOLDER = /\{\{?\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}?\}/g;

/** The placeholders a template uses (`{name}` or `{{name}}`). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Problems with a template against its declared inputs: a placeholder nobody declared. */
export function undeclaredPlaceholders(template: string, declared: readonly string[]): string[] {
  return placeholdersOf(template).filter((p) => !declared.includes(p));
}

/**
 * Fills a template. Every declared input must be given (as a string), and nothing else may
 * be: a missing or unknown input is a programming error, reported with the template's name.
 */
export function fillTemplate(name: string, template: string, declared: readonly string[], values: Readonly<Record<string, string>>): string {
  const missing = declared.filter((d) => typeof values[d] !== 'string');
  const unknown = Object.keys(values).filter((k) => !declared.includes(k));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean);
    throw new RepbotError('INTERNAL', `Prompt "${name}": ${parts.join('; ')} (declared inputs: ${declared.join(', ') || 'none'}).`);
  }
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}
