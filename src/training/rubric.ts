import path from 'node:path';
import { z } from 'zod';
import { dataDir } from '../core/paths.js';
import type { Result } from '../core/result.js';
import { termSetSchema } from '../answering/routing/term-set.js';
import { readYamlData } from '../core/yaml-data.js';

export const DEFAULT_RUBRIC_FILE = path.join(dataDir, 'training', 'rubric.yaml');

/** What each rubric line measures; each kind has one small check in `scoring/`. */
export const RUBRIC_CHECKS = ['acknowledge', 'clarify', 'evidence', 'accuracy', 'compliance', 'close'] as const;
export type RubricCheck = (typeof RUBRIC_CHECKS)[number];

const bilingual = z.strictObject({ en: z.string().trim().min(1), zh: z.string().trim().min(1) });

const lineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case (a-z, 0-9, -)'),
  check: z.enum(RUBRIC_CHECKS),
  weight: z.number().positive().max(10),
  /** Not met → the attempt fails whatever the other lines say. */
  gate: z.boolean().default(false),
  label: bilingual,
  advice: bilingual,
  cues: termSetSchema.optional(),
  strong: z.number().min(0).max(1).optional(),
  partial: z.number().min(0).max(1).optional(),
});

export const rubricSchema = z
  .strictObject({
    version: z.string().trim().min(1),
    /** Score (0–100) at or above which a compliant attempt passes. */
    passMark: z.number().min(0).max(100),
    lines: z.array(lineSchema).min(1),
  })
  .superRefine((r, ctx) => {
    const ids = r.lines.map((l) => l.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['lines', i, 'id'], message: `"${id}" is used twice` });
    });
    r.lines.forEach((l, i) => {
      if ((l.check === 'acknowledge' || l.check === 'clarify' || l.check === 'close') && !l.cues) {
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'cues'], message: `a "${l.check}" line needs cues` });
      }
    });
  });
export type Rubric = z.infer<typeof rubricSchema>;
export type RubricLine = Rubric['lines'][number];

export function loadRubric(file: string = DEFAULT_RUBRIC_FILE): Result<Rubric, string> {
  return readYamlData(file, rubricSchema);
}
