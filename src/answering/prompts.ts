import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { RepbotError, describeError } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import { fillTemplate, placeholdersOf } from './prompt-template.js';

/** The prompts repbot ships (prompts/<name>.md). */
export const PROMPT_NAMES = ['answer', 'objection'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];
export const DEFAULT_PROMPT_DIR = path.join(packageRoot, 'prompts');

/** A prompt file: front matter declaring its inputs, then `## system` and `## human` parts. */
export interface Prompt {
  name: string;
  description: string;
  inputs: readonly string[];
  system: string;
  human: string;
  file: string;
}

export interface RenderedPrompt {
  system: string;
  human: string;
}

const frontMatterSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  inputs: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'inputs are plain names like "question"')).min(1),
});

/**
 * Parses and checks a prompt file: valid front matter, both parts present, every placeholder
 * declared and every declared input used. Problems name the file.
 */
export function parsePrompt(text: string, file: string): Prompt {
  const fail = (why: string): never => {
    throw new RepbotError('CONFIG_INVALID', `${file}: ${why}`, { hint: 'Fix the prompt file named above (see prompts/answer.md for the format).' });
  };
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) return fail('missing front matter (--- name, description, inputs ---)');
  let raw: unknown;
  try {
    raw = YAML.parse(match[1] as string);
  } catch (error) {
    return fail(`front matter is not valid YAML (${describeError(error).split('\n')[0]})`);
  }
  const meta = frontMatterSchema.safeParse(raw);
  if (!meta.success) {
    const issue = meta.error.issues[0];
    return fail(`front matter ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`);
  }
  const body = match[2] as string;
  const parts = new Map<string, string>();
  const sections = body.split(/^## +(system|human)\s*$/m);
  for (let i = 1; i + 1 < sections.length; i += 2) parts.set(sections[i] as string, (sections[i + 1] as string).trim());
  const system = parts.get('system');
  const human = parts.get('human');
  if (!system || !human) return fail('needs a "## system" and a "## human" part');
  const used = new Set([...placeholdersOf(system), ...placeholdersOf(human)]);
  const undeclared = [...used].filter((p) => !meta.data.inputs.includes(p));
  const unused = meta.data.inputs.filter((i) => !used.has(i));
  if (undeclared.length > 0) fail(`placeholder {${undeclared.join('}, {')}} is not declared in inputs`);
  if (unused.length > 0) fail(`declared input ${unused.join(', ')} is never used`);
  return { ...meta.data, system, human, file };
}

/** Loads every shipped prompt (at start-up: a broken prompt stops LLM mode before any question). */
export function loadPrompts(dir: string = DEFAULT_PROMPT_DIR): Record<PromptName, Prompt> {
  const out = {} as Record<PromptName, Prompt>;
  for (const name of PROMPT_NAMES) {
    const file = path.join(dir, `${name}.md`);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new RepbotError('CONFIG_INVALID', `${file}: cannot read the prompt (${describeError(error)})`, { cause: error });
    }
    const prompt = parsePrompt(text, file);
    if (prompt.name !== name) throw new RepbotError('CONFIG_INVALID', `${file}: front matter name is "${prompt.name}", expected "${name}"`);
    out[name] = prompt;
  }
  return out;
}

/** Fills a prompt: exactly its declared inputs, as strings. */
export function renderPrompt(prompt: Prompt, values: Readonly<Record<string, string>>): RenderedPrompt {
  return {
    system: fillTemplate(prompt.name, prompt.system, prompt.inputs, values),
    human: fillTemplate(prompt.name, prompt.human, prompt.inputs, values),
  };
}
