import { type Result, fail, ok } from '../../core/result.js';
import { decodeUtf8 } from '../text-encoding.js';
import type { LoadedFile } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import type { FileInput, Loader } from './loader.js';
import { type Heading, PassageBuilder } from './passage-builder.js';

/** Headings deeper than this stay inside their parent's passage. */
const MAX_SPLIT_LEVEL = 3;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BLOCK_START = /^ {0,3}(?:[-*+]\s|\d{1,3}[.)]\s|>|\||```|~~~)/;

type Line = { kind: 'heading'; heading: Heading } | { kind: 'text'; text: string };

/** Front matter is returned as metadata; the body becomes one passage per #, ## or ### section. */
export const markdownLoader: Loader = {
  kind: 'markdown',
  async load(input: FileInput): Promise<Result<LoadedFile, string>> {
    const text = decodeUtf8(input.bytes);
    if (!text.ok) return text;
    const split = splitFrontMatter(text.value);
    if (!split.ok) return split;
    const lines = classify(split.value.body.replace(/<!--[\s\S]*?-->/g, ''));
    const levels = lines.flatMap((l) => (l.kind === 'heading' ? [l.heading.level] : []));
    const builder = new PassageBuilder({ titleHeading: levels[0] === 1 && levels.filter((l) => l === 1).length === 1 });
    for (const line of lines) {
      if (line.kind === 'heading') builder.heading(line.heading);
      else builder.line(line.text);
    }
    const passages = builder.finish();
    if (passages.length === 0) return fail('no text after the front matter — add the approved content below the closing ---');
    return ok({ passages, frontMatter: split.value.frontMatter });
  },
};

function classify(body: string): Line[] {
  const raw = body.split(/\r?\n/);
  const out: Line[] = [];
  let fence: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] ?? '';
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null || fenceMark) {
      if (fence === null) fence = fenceMark ?? null;
      else if (fenceMark === fence) fence = null;
      else out.push({ kind: 'text', text: line });
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      out.push(headingOrText(atx[1]?.length ?? 1, atx[2] ?? ''));
      continue;
    }
    const underline = SETEXT.exec(raw[i + 1] ?? '');
    if (underline && line.trim() !== '' && !BLOCK_START.test(line)) {
      out.push(headingOrText(underline[1]?.startsWith('=') ? 1 : 2, line));
      i++;
      continue;
    }
    if (TABLE_RULE.test(line) && line.includes('-')) continue;
    out.push({ kind: 'text', text: inline(tableRow(line)) });
  }
  return out;
}

function headingOrText(level: number, title: string): Line {
  const clean = inline(title).trim();
  return level <= MAX_SPLIT_LEVEL ? { kind: 'heading', heading: { level, title: clean } } : { kind: 'text', text: clean };
}

/** `| a | b |` → `a | b`, the flattened table form used for every format. */
function tableRow(line: string): string {
  const t = line.trim();
  if (!t.startsWith('|')) return line;
  return t
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim())
    .join(' | ');
}

/** Markup a reader would not see: images, link targets, bold markers, code ticks. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}
