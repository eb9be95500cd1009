import { type Result, fail, ok } from '../../core/result.js';
import { decodeUtf8 } from '../text-encoding.js';
import type { LoadedFile } from '../types.js';
import type { FileInput, Loader } from './loader.js';
import { plainTextPassages } from './plain-text-passages.js';

/** Plain text, split into sections at lines that look like headings. */
export const textLoader: Loader = {
  kind: 'text',
  async load(input: FileInput): Promise<Result<LoadedFile, string>> {
    const text = decodeUtf8(input.bytes);
    if (!text.ok) return text;
    const passages = plainTextPassages([{ page: null, lines: text.value.split(/\r\n?|\n/) }]);
    if (passages.length === 0) return fail('no text — add the approved content or delete the file');
    return ok({ passages, frontMatter: null });
  },
};
