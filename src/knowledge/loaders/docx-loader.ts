import mammoth from 'mammoth';
import { describeError } from '../../core/errors.js';
import { type Result, fail, ok } from '../../core/result.js';
import type { LoadedFile } from '../types.js';
import { htmlPassages } from './html-passages.js';
import type { FileInput, Loader } from './loader.js';

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** Word documents, through mammoth's HTML (so headings become sections, tables "cell | cell" rows). */
export const docxLoader: Loader = {
  kind: 'docx',
  async load(input: FileInput): Promise<Result<LoadedFile, string>> {
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        { buffer: input.bytes },
        // Images are not text: an empty src keeps them out of memory.
        { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
      );
      html = result.value;
    } catch (error) {
      return fail(
        `not a readable Word document (${describeError(error)}) — open it in Word and save it again as .docx`,
      );
    }
    const passages = htmlPassages(html);
    if (passages.length === 0) {
      return fail('no text in the document (only images?) — provide a document with text, or an OCR\'d PDF');
    }
    return ok({ passages, frontMatter: null });
  },
};
