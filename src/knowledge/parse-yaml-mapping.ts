import YAML from 'yaml';
import { describeError } from '../core/errors.js';
import { type Result, fail, ok } from '../core/result.js';

/**
 * Parses YAML that must be a mapping of fields. `what` names it in errors ("front matter",
 * "label.pdf.meta.yaml"); `lineOffset` makes line numbers match the file they sit in.
 * An empty document is null.
 */
export function parseYamlMapping(
  source: string,
  what: string,
  lineOffset = 0,
): Result<Record<string, unknown> | null, string> {
  const doc = YAML.parseDocument(source);
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? ` at line ${at.line + lineOffset}, column ${at.col}` : '';
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return fail(
      `${what} is not valid YAML${where} (${message}) — fix the syntax: "key: value" per line, ` +
        'indent with spaces, and quote values that contain ": " or start with a special character',
    );
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (thrown) {
    return fail(`${what} cannot be read as YAML (${describeError(thrown)}) — simplify it to plain "key: value" fields`);
  }
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail(`${what} must be a set of "key: value" fields, but it is ${Array.isArray(value) ? 'a list' : `the ${typeof value} ${JSON.stringify(value)}`}`);
  }
  return ok(value as Record<string, unknown>);
}
