import path from 'node:path';
import { isFaqFile } from '../faq-file-name.js';
import { docxLoader } from './docx-loader.js';
import { faqLoader } from './faq-loader.js';
import { htmlLoader } from './html-loader.js';
import type { Loader } from './loader.js';
import { markdownLoader } from './markdown-loader.js';
import { pdfLoader } from './pdf-loader.js';
import { textLoader } from './text-loader.js';

export type { FileInput, Loader } from './loader.js';

const BY_EXTENSION: Record<string, Loader> = {
  '.pdf': pdfLoader,
  '.md': markdownLoader,
  '.markdown': markdownLoader,
  '.txt': textLoader,
  '.docx': docxLoader,
  '.html': htmlLoader,
  '.htm': htmlLoader,
};

/** The loader for a knowledge file, or null when repbot cannot read that kind of file. */
export function loaderFor(relPath: string): Loader | null {
  if (isFaqFile(relPath)) return faqLoader;
  return BY_EXTENSION[path.extname(relPath).toLowerCase()] ?? null;
}
