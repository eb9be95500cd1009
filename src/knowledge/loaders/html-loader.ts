import { type Result, fail, ok } from '../../core/result.js';
import { decodeUtf8 } from '../text-encoding.js';
import type { LoadedFile } from '../types.js';
import { htmlPassages } from './html-passages.js';
import type { FileInput, Loader } from './loader.js';

/** A saved web page or HTML export: sections by h1–h3; scripts, styles and navigation dropped. */
export const htmlLoader: Loader = {
  kind: 'html',
  async load(input: FileInput): Promise<Result<LoadedFile, string>> {
    const text = decodeUtf8(input.bytes);
    if (!text.ok) return text;
    const passages = htmlPassages(text.value);
    if (passages.length === 0) return fail('no visible text in the page — save the page with its content, or export it as PDF');
    return ok({ passages, frontMatter: null });
  },
};
