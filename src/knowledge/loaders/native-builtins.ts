/**
 * pdf.js's legacy build (inside pdf-parse) carries core-js polyfills. On Node 20 two of them
 * replace working built-ins, for edge cases repbot never meets, with JavaScript versions:
 * `Array.prototype.push` (array lengths past 2^32) and `JSON.parse` (the reviver's source
 * context). The slow `push` then runs for every push in the process — about 12 % of a compliance
 * check. They are installed when pdf-parse is imported and again when a parse first loads the
 * worker bundle, so the PDF loader puts the originals back after both.
 *
 * This module must be evaluated before pdf-parse: the PDF loader imports it first.
 */
const NATIVE = [
  { target: Array.prototype, key: 'push', descriptor: Object.getOwnPropertyDescriptor(Array.prototype, 'push') },
  { target: JSON, key: 'parse', descriptor: Object.getOwnPropertyDescriptor(JSON, 'parse') },
] as const;

export function restoreNativeBuiltins(): void {
  for (const { target, key, descriptor } of NATIVE) {
    if (!descriptor) continue;
    const current = Object.getOwnPropertyDescriptor(target, key);
    if (current?.value !== descriptor.value) Object.defineProperty(target, key, descriptor);
  }
}
