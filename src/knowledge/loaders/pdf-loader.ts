// First: it keeps the built-ins as they were before pdf-parse's polyfills (see there).
import { restoreNativeBuiltins } from './native-builtins.js';
import { PDFParse, PasswordException, VerbosityLevel } from 'pdf-parse';
import { describeError } from '../../core/errors.js';
import { type Result, fail, ok } from '../../core/result.js';
import type { LoadedFile } from '../types.js';
import type { FileInput, Loader } from './loader.js';
import { type PageLines, plainTextPassages } from './plain-text-passages.js';

restoreNativeBuiltins();

const PAGE_LABEL = /^(?:page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:of|\/)\s*\d{1,4}|-\s*\d{1,4}\s*-)$/i;
// A line that opens or closes this share of the pages (and at least 3) is a running header or footer.
const RUNNING_SHARE = 0.5;
const RUNNING_MIN_PAGES = 3;

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
    return ok({ passages: plainTextPassages(withoutRunningLines(withText)), frontMatter: null });
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
  const edgeCounts = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set(edgeLines(page.lines).map(runningKey))) edgeCounts.set(line, (edgeCounts.get(line) ?? 0) + 1);
  }
  const threshold = Math.max(RUNNING_MIN_PAGES, pages.length * RUNNING_SHARE);
  const running = new Set([...edgeCounts].filter(([, n]) => n >= threshold).map(([line]) => line));
  return pages.map((page) => {
    const lines = page.lines.map((l) => l.trim());
    const first = lines.findIndex((l) => l !== '');
    const last = lines.findLastIndex((l) => l !== '');
    return {
      page: page.page,
      lines: page.lines.filter((_, i) => {
        const line = lines[i] ?? '';
        const atEdge = i === first || i === last;
        return !(atEdge && (isPageNumber(line, page.page) || running.has(runningKey(line))));
      }),
    };
  });
}

/** "Page 3 of 39", "- 3 -", or a bare number that is this page's (a bare number could be a table cell). */
function isPageNumber(line: string, page: number | null): boolean {
  return PAGE_LABEL.test(line) || (page !== null && line === String(page));
}

/** Running footers differ only in their page number: "page 3 of 39". */
function runningKey(line: string): string {
  return line.replace(/\d+/g, '#');
}

function edgeLines(lines: string[]): string[] {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '');
  return [text[0], text.at(-1)].filter((l): l is string => l !== undefined);
}
