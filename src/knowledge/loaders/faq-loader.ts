import { type Result, fail, ok } from '../../core/result.js';
import { parseFaqFile } from '../metadata-schema.js';
import { parseYamlMapping } from '../parse-yaml-mapping.js';
import { decodeUtf8 } from '../text-encoding.js';
import type { LoadedFile, Passage } from '../types.js';
import type { FileInput, Loader } from './loader.js';

/**
 * `faq.yaml`: one passage per question/answer pair, its section the question. An item's own
 * approval fields travel as the passage's `meta`, so ingest can skip an item still in draft.
 */
export const faqLoader: Loader = {
  kind: 'faq',
  async load(input: FileInput): Promise<Result<LoadedFile, string>> {
    const text = decodeUtf8(input.bytes);
    if (!text.ok) return text;
    const raw = parseYamlMapping(text.value, 'the FAQ file');
    if (!raw.ok) return raw;
    if (raw.value === null) return fail('the FAQ file is empty — add the approval fields and items (question/answer pairs)');
    const faq = parseFaqFile(raw.value, { file: input.relPath, productFolder: input.relPath.split('/')[0] ?? '' });
    if (!faq.ok) return faq;
    const passages = faq.value.items.map(
      (item): Passage => ({
        text: `Q: ${item.question}\nA: ${item.answer}`,
        page: null,
        section: item.question,
        ...(Object.keys(item.meta).length > 0 ? { meta: item.meta } : {}),
      }),
    );
    return ok({ passages, frontMatter: faq.value.fields });
  },
};
