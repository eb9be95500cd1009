import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../core/paths.js';
import { type Result, fail, ok } from '../../core/result.js';
import { readYamlData } from '../../core/yaml-data.js';
import type { Language } from '../../knowledge/types.js';
import { undeclaredPlaceholders } from '../prompt-template.js';
import { OBJECTION_CATEGORIES, type ObjectionCategory, type ObjectionScript } from '../reply.js';

export const DEFAULT_OBJECTION_TEMPLATES = path.join(packageRoot, 'prompts', 'objection-templates.yaml');

const steps = z.strictObject({ acknowledge: z.string().min(1), clarify: z.string().min(1), close: z.string().min(1) });
const perLanguage = z.strictObject({ en: steps, zh: steps });
const labels = z.strictObject({ acknowledge: z.string().min(1), clarify: z.string().min(1), respond: z.string().min(1), close: z.string().min(1) });

const schema = z.strictObject({
  inputs: z.array(z.string().min(1)),
  labels: z.strictObject({ en: labels, zh: labels }),
  noEvidence: z.strictObject({ en: z.string().min(1), zh: z.string().min(1) }),
  categories: z.strictObject(Object.fromEntries(OBJECTION_CATEGORIES.map((c) => [c, perLanguage])) as Record<ObjectionCategory, typeof perLanguage>),
});

export type ObjectionTemplates = z.infer<typeof schema>;
export type ScriptLabels = Record<keyof ObjectionScript, string>;

/** Loads and checks the templates: every category in both languages, no placeholder that is not a declared input. */
export function loadObjectionTemplates(file: string = DEFAULT_OBJECTION_TEMPLATES): Result<ObjectionTemplates, string> {
  const parsed = readYamlData(file, schema);
  if (!parsed.ok) return parsed;
  const t = parsed.value;
  const texts: Array<[string, string]> = [
    ['noEvidence.en', t.noEvidence.en],
    ['noEvidence.zh', t.noEvidence.zh],
    ...OBJECTION_CATEGORIES.flatMap((c) =>
      (['en', 'zh'] as Language[]).flatMap((l) => Object.entries(t.categories[c][l]).map(([step, text]): [string, string] => [`categories.${c}.${l}.${step}`, text])),
    ),
  ];
  for (const [where, text] of texts) {
    const bad = undeclaredPlaceholders(text, t.inputs);
    if (bad.length > 0) return fail(`${file}: ${where}: placeholder {${bad.join('}, {')}} is not among the declared inputs (${t.inputs.join(', ')})`);
  }
  return ok(t);
}
