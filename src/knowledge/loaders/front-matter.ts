import { type Result, fail, ok } from '../../core/result.js';
import { parseYamlMapping } from '../parse-yaml-mapping.js';

export interface SplitFrontMatter {
  /** The metadata fields, or null when the file has no front matter (or an empty one). */
  frontMatter: Record<string, unknown> | null;
  body: string;
}

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Separates YAML front matter (`---` … `---` at the very top) from a markdown body. */
export function splitFrontMatter(text: string): Result<SplitFrontMatter, string> {
  const lines = text.split(/\r?\n/);
  if (!OPEN.test(lines[0] ?? '')) return ok({ frontMatter: null, body: text });
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end < 0) {
    return fail('front matter starts with --- on line 1 but is never closed — add a line with --- after the metadata');
  }
  const body = lines.slice(end + 1).join('\n');
  // Offset 1: YAML line 1 is line 2 of the file, after the opening ---.
  const parsed = parseYamlMapping(lines.slice(1, end).join('\n'), 'front matter', 1);
  if (!parsed.ok) return parsed;
  return ok({ frontMatter: parsed.value, body });
}
