import fs from 'node:fs';
import YAML from 'yaml';
import type { z } from 'zod';
import { describeError } from './errors.js';
import { type Result, fail, ok } from './result.js';

/** Reads one YAML file and validates it; the error names the file and the field. */
export function readYamlData<S extends z.ZodType>(file: string, schema: S): Result<z.infer<S>, string> {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`${file}: ${describeError(error).split('\n')[0]}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`${file}: ${issue ? `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}` : 'invalid'}`);
  }
  return ok(parsed.data as z.infer<S>);
}
