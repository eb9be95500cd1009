import path from 'node:path';

/** `faq.yaml`, or a named one such as `dosing-faq.yaml`: approved question/answer pairs. */
export function isFaqFile(relPath: string): boolean {
  return /(?:^|[-_.])faq\.ya?ml$/i.test(path.basename(relPath));
}
