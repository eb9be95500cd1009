import type { Passage } from '../types.js';

export interface Heading {
  /** 1 is the outermost; a heading closes every open heading of the same or a deeper level. */
  level: number;
  title: string;
}

export interface PassageBuilderOptions {
  /**
   * The document has a single level-1 heading that is its title: it names the text directly
   * under it, but is left out of the section path of the headings below it.
   */
  titleHeading?: boolean;
}

const SEPARATOR = ' › ';
const MAX_PATH_PARTS = 3;
const MAX_TITLE_LENGTH = 120;

/**
 * Collects a document's lines into passages: one per run of text under the same heading and
 * on the same page, so every passage carries one section and one page into its citations.
 * A heading with no text of its own and no sub-headings (a label's "4.1 Active liver disease")
 * becomes a passage of its own title, so its words are not lost.
 */
export class PassageBuilder {
  private readonly passages: Passage[] = [];
  private readonly open: Heading[] = [];
  private lines: string[] = [];
  private page: number | null = null;
  private bareHeading: { level: number; title: string; section: string | null; page: number | null } | null = null;

  constructor(private readonly options: PassageBuilderOptions = {}) {}

  setPage(page: number | null): void {
    this.flush();
    this.page = page;
  }

  heading(heading: Heading): void {
    const title = cleanTitle(heading.title);
    if (title === '') return;
    this.flush();
    if (this.bareHeading && heading.level <= this.bareHeading.level) this.emitBareHeading();
    while ((this.open.at(-1)?.level ?? 0) >= heading.level) this.open.pop();
    this.open.push({ level: heading.level, title });
    this.bareHeading = { level: heading.level, title, section: this.section(), page: this.page };
  }

  line(text: string): void {
    if (text.trim() === '') {
      // Paragraph breaks are kept (once) so later sentence splitting sees them.
      if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
      return;
    }
    this.bareHeading = null;
    this.lines.push(text.trimEnd());
  }

  finish(): Passage[] {
    this.flush();
    if (this.bareHeading) this.emitBareHeading();
    return this.passages;
  }

  /** The section path in force: "4 CONTRAINDICATIONS › 4.3 Pregnancy". */
  section(): string | null {
    let parts = this.open;
    if (this.options.titleHeading && parts.length > 1 && parts[0]?.level === 1) parts = parts.slice(1);
    const titles = parts.map((h) => h.title).filter((t, i, all) => t !== all[i - 1]);
    if (titles.length === 0) return null;
    return titles.slice(-MAX_PATH_PARTS).join(SEPARATOR);
  }

  private flush(): void {
    const text = this.lines.join('\n').trim();
    this.lines = [];
    if (text === '') return;
    this.passages.push({ text, page: this.page, section: this.section() });
  }

  private emitBareHeading(): void {
    const bare = this.bareHeading;
    this.bareHeading = null;
    if (bare) this.passages.push({ text: bare.title, page: bare.page, section: bare.section });
  }
}

function cleanTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TITLE_LENGTH ? `${t.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…` : t;
}
