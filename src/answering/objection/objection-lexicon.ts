import path from 'node:path';
import { z } from 'zod';
import { dataDir } from '../../core/paths.js';
import { type Result, ok } from '../../core/result.js';
import { readYamlData } from '../../core/yaml-data.js';
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
  const parsed = readYamlData(file, schema);
  if (!parsed.ok) return parsed;
  return ok({ categories: parsed.value.categories.map((c) => ({ id: c.id, terms: compileTermSet(c.terms) })) });
}
