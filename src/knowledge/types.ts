export const DOC_TYPES = ['label', 'faq', 'detail-aid', 'objection-handler', 'guideline', 'training', 'policy'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const DOC_STATUSES = ['approved', 'draft', 'withdrawn'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

export const AUDIENCES = ['hcp', 'internal', 'patient'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Approval metadata of one document (front matter or `<file>.meta.yaml`), after validation. */
export interface DocumentMeta {
  title: string;
  product: string;
  docType: DocType;
  approvalCode: string;
  status: DocStatus;
  approvedOn: string | null;
  expiresOn: string | null;
  audience: Audience;
  language: Language | null;
}

/**
 * A piece of a document as a loader sees it: a PDF page, a markdown section, one FAQ pair.
 * Chunking never merges passages, so page and section survive into citations.
 */
export interface Passage {
  text: string;
  page: number | null;
  section: string | null;
  /** Per-passage approval fields (FAQ pairs may carry their own). Merged over the document's. */
  meta?: Partial<DocumentMeta>;
}

/** What a loader returns for one file. `frontMatter` is raw metadata found inside the file. */
export interface LoadedFile {
  passages: Passage[];
  frontMatter: Record<string, unknown> | null;
}

/** A file that was not indexed, and a reason a person can act on. */
export interface SkippedFile {
  file: string;
  reason: string;
  /** Why, as a category for status reports: approval gating or a file problem. */
  kind?: SkipKind;
}

export type SkipKind = 'draft' | 'withdrawn' | 'expired' | 'no-approval' | 'invalid';

/** The unit that is embedded, indexed, retrieved and cited. */
export interface Chunk {
  /** Stable id: `<file>#<ordinal>` plus a short content hash. */
  id: string;
  text: string;
  file: string;
  title: string;
  page: number | null;
  section: string | null;
  product: string;
  docType: DocType;
  approvalCode: string;
  status: DocStatus;
  approvedOn: string | null;
  expiresOn: string | null;
  audience: Audience;
  language: Language;
}

/** The product card (`<product>/product.yaml`), after validation. */
export interface ProductCard {
  slug: string;
  name: string;
  aliases: string[];
  indications: string[];
  competitors: string[];
  safetySummary: Partial<Record<Language, string>>;
  medicalInformation: string | null;
  pharmacovigilance: string | null;
  /** True when the folder holds FICTIONAL sample material. */
  fictional: boolean;
}
