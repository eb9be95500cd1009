import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import type { Passage } from '../types.js';
import { PassageBuilder } from './passage-builder.js';

/** Page furniture and code: never approved content. */
const SKIPPED = new Set(['script', 'style', 'nav', 'noscript', 'template', 'svg', 'head', 'iframe', 'canvas', 'button']);
// Elements that do not separate words ("<b>38</b>%" stays "38%").
const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'font', 'i', 'mark', 'small', 'span', 'strong', 'sub', 'sup', 'u']);
const SECTION_HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3 };
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'ul', 'ol', 'dl', 'dt',
  'dd', 'figure', 'figcaption', 'address', 'h4', 'h5', 'h6', 'hr', 'details', 'summary', 'caption', 'body', 'html',
]);

/**
 * Passages of an HTML document (or of a Word document converted to HTML): a section per
 * h1–h3, list items as "• " lines, table rows as "cell | cell" lines.
 */
export function htmlPassages(html: string): Passage[] {
  const root = parse(html, { comment: false });
  const headings = root.querySelectorAll('h1, h2, h3');
  const h1s = headings.filter((h) => tag(h) === 'h1').length;
  const builder = new PassageBuilder({ titleHeading: h1s === 1 && headings[0] !== undefined && tag(headings[0]) === 'h1' });
  new Walker(builder).walk(root.querySelector('body') ?? root);
  return builder.finish();
}

class Walker {
  private current = '';

  constructor(private readonly builder: PassageBuilder) {}

  walk(node: Node): void {
    if (node.nodeType === NodeType.TEXT_NODE) {
      this.current += node.text.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const name = tag(element);
    if (SKIPPED.has(name)) return;
    const level = SECTION_HEADINGS[name];
    if (level !== undefined) {
      this.flush();
      this.builder.heading({ level, title: inlineText(element) });
      return;
    }
    if (name === 'br') return this.flush();
    if (name === 'table') return this.table(element);
    if (name === 'pre') {
      this.flush();
      for (const line of element.text.split(/\r?\n/)) this.builder.line(line);
      return;
    }
    if (name === 'li') {
      this.flush();
      this.current = '• ';
      this.children(element);
      this.flush();
      return;
    }
    const block = BLOCKS.has(name);
    if (block) this.flush();
    this.children(element);
    if (block) this.flush();
  }

  private children(element: HTMLElement): void {
    for (const child of element.childNodes) this.walk(child);
  }

  private table(table: HTMLElement): void {
    this.flush();
    for (const child of table.childNodes) {
      if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
      const part = child as HTMLElement;
      const name = tag(part);
      if (name === 'caption') this.builder.line(inlineText(part));
      else if (name === 'tr') this.row(part);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
        for (const row of part.childNodes) if (row.nodeType === NodeType.ELEMENT_NODE && tag(row as HTMLElement) === 'tr') this.row(row as HTMLElement);
      }
    }
  }

  private row(row: HTMLElement): void {
    const cells = row.childNodes
      .filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE && ['td', 'th'].includes(tag(c as HTMLElement)))
      .map(inlineText);
    if (cells.some((c) => c !== '')) this.builder.line(cells.join(' | '));
  }

  private flush(): void {
    const line = this.current.replace(/\s+/g, ' ').trim();
    this.current = '';
    if (line !== '' && line !== '•') this.builder.line(line);
  }
}

/** The visible text of an element on one line (nested blocks and cells separated by spaces). */
function inlineText(element: HTMLElement): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) parts.push(node.text);
    else if (node.nodeType === NodeType.ELEMENT_NODE) {
      const el = node as HTMLElement;
      if (SKIPPED.has(tag(el))) return;
      const spaced = !INLINE.has(tag(el));
      if (spaced) parts.push(' ');
      for (const child of el.childNodes) visit(child);
      if (spaced) parts.push(' ');
    }
  };
  for (const child of element.childNodes) visit(child);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function tag(element: HTMLElement): string {
  return (element.rawTagName ?? '').toLowerCase();
}
