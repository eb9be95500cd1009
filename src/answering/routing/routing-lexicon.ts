import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { describeError } from '../../core/errors.js';
import { dataDir } from '../../core/paths.js';
import { type Result, fail, ok } from '../../core/result.js';
import { type TermSet, compileTermSet, termSetSchema } from './term-set.js';

/** The routing word lists shipped with repbot. */
export const DEFAULT_ROUTING_DIR = path.join(dataDir, 'routing');

const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

const adverseEventSchema = z.strictObject({
  subjects: termSetSchema,
  events: termSetSchema,
  experience: termSetSchema,
  hypothetical: termSetSchema,
  reporters: termSetSchema,
  drugLinks: termSetSchema,
  onset: termSetSchema,
});

const offLabelSchema = z.strictObject({
  useCues: termSetSchema,
  conditions: z.array(z.strictObject({ id: z.string().min(1), label: bilingual, terms: termSetSchema })).min(1),
  populationNouns: termSetSchema,
  pediatric: termSetSchema,
  women: termSetSchema,
  adult: termSetSchema,
  limitations: termSetSchema,
  exceptions: termSetSchema,
  doseAbove: termSetSchema,
  maxDose: termSetSchema,
});

const medicalAdviceSchema = z.strictObject({
  subjects: termSetSchema,
  decisions: termSetSchema,
});

const comparisonSchema = z.strictObject({
  cues: termSetSchema,
  others: termSetSchema,
  headToHead: termSetSchema,
});

type Compiled<T> = { [K in keyof T]: T[K] extends z.infer<typeof termSetSchema> ? TermSet : T[K] };

export type AdverseEventLexicon = Compiled<z.infer<typeof adverseEventSchema>>;
export interface ConditionConcept {
  id: string;
  label: { en: string; zh: string };
  terms: TermSet;
}
export type OffLabelLexicon = Omit<Compiled<z.infer<typeof offLabelSchema>>, 'conditions'> & { conditions: ConditionConcept[] };
export type MedicalAdviceLexicon = Compiled<z.infer<typeof medicalAdviceSchema>>;
export type ComparisonLexicon = Compiled<z.infer<typeof comparisonSchema>>;

/** Every word list the routing detectors use, validated and compiled. */
export interface RoutingLexicon {
  adverseEvent: AdverseEventLexicon;
  offLabel: OffLabelLexicon;
  medicalAdvice: MedicalAdviceLexicon;
  comparison: ComparisonLexicon;
}

const FILES = {
  adverseEvent: 'adverse-event.yaml',
  offLabel: 'off-label.yaml',
  medicalAdvice: 'medical-advice.yaml',
  comparison: 'comparison.yaml',
} as const;

const cache = new Map<string, RoutingLexicon>();

/** Reads `adverse-event.yaml`, `off-label.yaml`, `medical-advice.yaml` and `comparison.yaml`; each problem names its file and field. */
export function loadRoutingLexicon(dir: string = DEFAULT_ROUTING_DIR): Result<RoutingLexicon, string[]> {
  const cached = cache.get(dir);
  if (cached) return ok(cached);
  const errors: string[] = [];
  const read = <S extends z.ZodType>(name: string, schema: S): z.infer<S> | null => {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = YAML.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      errors.push(`${file}: ${describeError(error).split('\n')[0]}`);
      return null;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        errors.push(`${file}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
      }
      return null;
    }
    return parsed.data;
  };
  const ae = read(FILES.adverseEvent, adverseEventSchema);
  const ol = read(FILES.offLabel, offLabelSchema);
  const ma = read(FILES.medicalAdvice, medicalAdviceSchema);
  const cmp = read(FILES.comparison, comparisonSchema);
  if (!ae || !ol || !ma || !cmp) return fail(errors);
  const lexicon: RoutingLexicon = {
    adverseEvent: compileAll(ae),
    offLabel: {
      ...compileAll({ ...ol, conditions: undefined }),
      conditions: ol.conditions.map((c) => ({ id: c.id, label: c.label, terms: compileTermSet(c.terms) })),
    } as OffLabelLexicon,
    medicalAdvice: compileAll(ma),
    comparison: compileAll(cmp),
  };
  cache.set(dir, lexicon);
  return ok(lexicon);
}

function compileAll<T extends Record<string, unknown>>(source: T): Compiled<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    out[key] = isTermSetSource(value) ? compileTermSet(value) : value;
  }
  return out as Compiled<T>;
}

function isTermSetSource(value: unknown): value is z.infer<typeof termSetSchema> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'en' in value && 'zh' in value;
}
