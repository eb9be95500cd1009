// First: it keeps the built-ins as they were before pdf-parse's polyfills (see there).
import { restoreNativeBuiltins } from './native-builtins.js';
import { PDFParse, PasswordException, VerbosityLevel } from 'pdf-parse';
import { describeError } from '../../core/errors.js';
import { type Result, fail, ok } from '../../core/result.js';
import type { LoadedFile } from '../types.js';
import { detectHeading } from './heading-detector.js';
import type { FileInput, Loader } from './loader.js';
import { type PageLines, plainTextPassages } from './plain-text-passages.js';

restoreNativeBuiltins();

const PAGE_LABEL = /^(?:page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|-\s*\d{1,4}\s*-)$/i;
// A line that opens or closes this share of the pages (and at least 3) is a running header or footer.
const RUNNING_SHARE = 0.5;
const RUNNING_MIN_PAGES = 3;
/** How many lines from the top and from the bottom of a page can belong to a running header or footer. */
const EDGE_DEPTH = 3;

/** One passage per section run on each page; pages without text are dropped. */
export const pdfLoader: Loader = {
  kind: 'pdf',
  async load(input: FileInput): Promise<Result<LoadedFile, string>> {
    const pages = await extractPages(input.bytes);
    if (!pages.ok) return pages;
    const withText = pages.value.filter((p) => p.lines.some((l) => l.trim() !== ''));
    if (withText.length === 0) {
      return fail(
        `no extractable text in ${pages.value.length} page(s) (scanned image?) — provide a text PDF or an OCR'd copy`,
      );
    }
    return ok({ passages: plainTextPassages(sentencesAcrossPages(withoutRunningLines(withText))), frontMatter: null });
  },
};

async function extractPages(bytes: Buffer): Promise<Result<PageLines[], string>> {
  // pdf.js may take ownership of the array it is given, so it gets a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS });
  try {
    const result = await parser.getText();
    return ok(
      result.pages.map((p) => ({
        page: p.num,
        // Cells far apart on one line come separated by tabs: written as "cell | cell", like other formats.
        lines: p.text.replace(/\0/g, '').split(/\r?\n/).map((l) => l.replace(/\t+/g, ' | ').trimEnd()),
      })),
    );
  } catch (error) {
    if (error instanceof PasswordException) {
      return fail('password-protected — ask the owner for an unprotected copy (or remove the password and save again)');
    }
    return fail(`not a readable PDF (${describeError(error)}) — export or download it again and check that it opens`);
  } finally {
    await parser.destroy().catch(() => undefined);
    restoreNativeBuiltins();
  }
}

function withoutRunningLines(pages: PageLines[]): PageLines[] {
  const pageCount = Math.max(0, ...pages.map((p) => p.page ?? 0));
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(edgeLines(page.lines).flatMap((l) => runningKeys(l, page.page, pageCount)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(RUNNING_MIN_PAGES, pages.length * RUNNING_SHARE);
  const removable = (line: string, page: number | null) => isPageNumber(line, page) || runningKeys(line, page, pageCount).some((key) => (counts.get(key) ?? 0) >= threshold);
  return pages.map((page) => {
    const lines = page.lines.map((l) => l.trim());
    const text = lines.flatMap((l, i) => (l === '' ? [] : [i]));
    const dropped = new Set<number>();
    // A footer is often two lines ("… Prescribing Information" over "MLR-… | Page 3 of 6"): peel from each edge inwards.
    for (const order of [text, [...text].reverse()]) {
      for (const i of order.slice(0, EDGE_DEPTH)) {
        if (!removable(lines[i] ?? '', page.page)) break;
        dropped.add(i);
      }
    }
    return { page: page.page, lines: page.lines.filter((_, i) => !dropped.has(i)) };
  });
}

/** A page that stops mid-sentence ("The LDL-C reduction was evident by"): prose, not a cell or a number. */
const OPEN_SENTENCE = /(?:\S+\s+){3}\S*[\p{L},(\-–]$/u;
const SENTENCE_END = /[.!?:;。！？；：)\]]$/;
/** At most this many lines of the next page finish a sentence cut by the page break. */
const MAX_CARRIED_LINES = 8;

/**
 * A sentence cut by a page break ("… was evident by" / "Week 4 and was maintained …") is
 * finished on the page where it starts, so it is quoted whole and cited there; table rows and
 * headings at the top of the next page stay where they are.
 */
function sentencesAcrossPages(pages: PageLines[]): PageLines[] {
  const out = pages.map((p) => ({ page: p.page, lines: [...p.lines] }));
  for (let k = 0; k + 1 < out.length; k++) {
    const here = out[k] as PageLines;
    const next = out[k + 1] as PageLines;
    const last = here.lines.findLast((l) => l.trim() !== '')?.trim() ?? '';
    if (!OPEN_SENTENCE.test(last) || last.includes('|') || detectHeading(last, 'plain')) continue;
    const start = next.lines.findIndex((l) => l.trim() !== '');
    if (start < 0) continue;
    const carried: number[] = [];
    for (let i = start; i < next.lines.length && carried.length < MAX_CARRIED_LINES; i++) {
      const line = (next.lines[i] ?? '').trim();
      if (line === '' || line.includes('|') || detectHeading(line, 'plain')) break;
      carried.push(i);
      if (SENTENCE_END.test(line)) break;
    }
    const end = carried.at(-1);
    if (end === undefined || !SENTENCE_END.test((next.lines[end] ?? '').trim())) continue;
    here.lines.push(...next.lines.slice(start, end + 1));
    next.lines.splice(start, end + 1 - start);
  }
  return out;
}

/** "Page 3 of 39", "- 3 -", or a bare number that is this page's (a bare number could be a table cell). */
function isPageNumber(line: string, page: number | null): boolean {
  return PAGE_LABEL.test(line) || (page !== null && line === String(page));
}

/**
 * A line as it may recur on other pages: running footers differ only in their page number
 * ("MLR-2025-0101 | Page 3 of 6"), so the page count and, in turn, each occurrence of this
 * page's number are masked (a date in the footer may hold the same number); other numbers must
 * match ("100" on one page and "200" on the next are content, not a footer).
 */
function runningKeys(line: string, page: number | null, pageCount: number): string[] {
  const masked = pageCount > 0 ? line.replace(wholeNumber(pageCount), '#') : line;
  if (page === null || page === pageCount) return [masked];
  const keys = [masked];
  for (const m of masked.matchAll(wholeNumber(page))) keys.push(masked.slice(0, m.index) + '#' + masked.slice(m.index + m[0].length));
  return keys;
}

function wholeNumber(n: number): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${n}(?![\\p{L}\\p{N}])`, 'gu');
}

function edgeLines(lines: string[]): string[] {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '');
  return text.length <= 2 * EDGE_DEPTH ? text : [...text.slice(0, EDGE_DEPTH), ...text.slice(-EDGE_DEPTH)];
}
