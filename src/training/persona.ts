import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dataDir } from '../core/paths.js';
import { type Result, fail, ok } from '../core/result.js';
import { OBJECTION_CATEGORIES, type ObjectionCategory } from '../answering/reply.js';
import type { Language } from '../knowledge/types.js';
import { readYamlData } from '../core/yaml-data.js';

export const DEFAULT_PERSONA_DIR = path.join(dataDir, 'training', 'personas');

const bilingual = z.strictObject({ en: z.string().trim().min(1), zh: z.string().trim().min(1) });
const lines = z.strictObject({ en: z.array(z.string().trim().min(1)).min(1), zh: z.array(z.string().trim().min(1)).min(1) });
const categories = OBJECTION_CATEGORIES.filter((c) => c !== 'other') as [ObjectionCategory, ...ObjectionCategory[]];

export const personaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case (a-z, 0-9, -)'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  name: bilingual,
  description: bilingual,
  /** Objection categories the doctor raises, most likely first. */
  objections: z.array(z.enum(categories)).min(1),
  /** Rep turns before the doctor wraps up. */
  maxTurns: z.number().int().min(1).max(8).default(3),
  lines: z.strictObject({
    /** The first line; `{objection}` is replaced by an objection quoted from the product's handler. */
    opening: lines.refine((l) => [...l.en, ...l.zh].every((s) => s.includes('{objection}')), { message: 'every opening line needs {objection}' }),
    /** The rep did not acknowledge or answer the concern. */
    askConcern: lines,
    /** The rep asked a clarifying question: the doctor says more. */
    clarified: lines,
    /** The rep answered without approved evidence. */
    noEvidence: lines,
    /** The rep used approved evidence. */
    evidence: lines,
    /** The rep said something the compliance filter refuses. */
    violation: lines,
    /** The rep closed with a next step, or the turns ran out. */
    closing: lines,
  }),
});
export type Persona = z.infer<typeof personaSchema>;
export type PersonaLine = keyof Persona['lines'];

/** Every `*.yaml` persona in the folder, validated; errors name the file and field. */
export function loadPersonas(dir: string = DEFAULT_PERSONA_DIR): Result<Persona[], string[]> {
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return fail([`${dir}: the persona folder cannot be read`]);
  }
  const personas: Persona[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const parsed = readYamlData(path.join(dir, file), personaSchema);
    if (parsed.ok) personas.push(parsed.value);
    else problems.push(parsed.error);
  }
  const ids = personas.map((p) => p.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`${dir}: persona id "${id}" is used twice`);
  if (personas.length === 0 && problems.length === 0) problems.push(`${dir}: no persona files (*.yaml)`);
  return problems.length > 0 ? fail(problems) : ok(personas);
}

/** A persona by id, alias or name word ("skeptical", "busy", "费用"); undefined when none fits. */
export function findPersona(personas: readonly Persona[], wanted: string): Persona | undefined {
  const w = wanted.trim().toLowerCase();
  if (w === '') return undefined;
  return (
    personas.find((p) => p.id === w) ??
    personas.find((p) => p.aliases.some((a) => a.toLowerCase() === w)) ??
    personas.find((p) => p.id.includes(w) || p.name.en.toLowerCase().includes(w) || p.name.zh.includes(w))
  );
}

export function personaText(persona: Persona, field: 'name' | 'description', language: Language): string {
  return persona[field][language];
}
