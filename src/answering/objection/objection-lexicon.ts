import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { describeError } from '../../core/errors.js';
import { dataDir } from '../../core/paths.js';
import { type Result, fail, ok } from '../../core/result.js';
import { OBJECTION_CATEGORIES, type ObjectionCategory } from '../reply.js';
import { type TermSet, compileTermSet, termSetSchema } from '../routing/term-set.js';

export const DEFAULT_OBJECTION_LEXICON = path.join(dataDir, 'objections', 'categories.yaml');

const schema = z.strictObject({
  categories: z
    .array(z.strictObject({ id: z.enum(OBJECTION_CATEGORIES.filter((c) => c !== 'other') as [ObjectionCategory, ...ObjectionCategory[]]), terms: termSetSchema }))
    .min(1),
});

export interface ObjectionLexicon {
  categories: Array<{ id: ObjectionCategory; terms: TermSet }>;
}

export function loadObjectionLexicon(file: string = DEFAULT_OBJECTION_LEXICON): Result<ObjectionLexicon, string> {
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
  return ok({ categories: parsed.data.categories.map((c) => ({ id: c.id, terms: compileTermSet(c.terms) })) });
}
