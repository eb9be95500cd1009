import path from 'node:path';
import { z } from 'zod';
import { type Result, fail, ok } from '../core/result.js';
import { detectLanguage } from '../text/language.js';
import { isFaqFile } from './faq-file-name.js';
import {
  AUDIENCES,
  type Audience,
  DOC_STATUSES,
  DOC_TYPES,
  type DocStatus,
  type DocType,
  type DocumentMeta,
  LANGUAGES,
  type Language,
  type ProductCard,
} from './types.js';

export interface MetaContext {
  /** The file as people see it (relative to the knowledge folder). */
  file: string;
  /** The product folder it sits in; the default `product`. */
  productFolder: string;
}

/** One validated question/answer pair of a `faq.yaml`. */
export interface FaqItem {
  question: string;
  answer: string;
  /** The item's own approval fields (only those it sets), merged over the file's. */
  meta: Partial<DocumentMeta>;
}

export interface FaqFile {
  /** The top-level approval fields, as written (validated later by `parseDocumentMeta`). */
  fields: Record<string, unknown>;
  items: FaqItem[];
}

/** A field check: the normalised value, or what is wrong with it and what to do. */
type Check<T> = (value: unknown) => Result<T, string>;

const APPROVAL_CODE = /^[A-Za-z0-9](?:[A-Za-z0-9_\-./]*[A-Za-z0-9])?$/;
const PLACEHOLDER_CODES = new Set(['tbd', 'tba', 'todo', 'pending', 'n/a', 'na', 'none', 'null', 'xxx', 'draft', 'unknown']);
const LANGUAGE_ALIASES: Record<string, Language> = {
  english: 'en',
  chinese: 'zh',
  cn: 'zh',
  中文: 'zh',
  英文: 'en',
};

/** Front matter / sidecar metadata of one document (DESIGN §2). */
export function parseDocumentMeta(raw: unknown, ctx: MetaContext): Result<DocumentMeta, string> {
  const where = metadataLocation(ctx.file);
  const faq = isFaqFile(ctx.file);
  const schema = z.object({
    title: field(requiredText(`add a title (e.g. title: Zorvex Dosing Guide) to ${where}`)),
    product: field(optionalText),
    docType: field(faq ? optional(docType, 'faq' as DocType) : required(docType, `add docType (one of: ${DOC_TYPES.join(', ')}) to ${where}`)),
    approvalCode: field(required(approvalCode, `add the MLR approval code (e.g. approvalCode: MLR-2025-0142) to ${where}`)),
    status: field(required(status, `add status: approved (or draft, withdrawn) to ${where}`)),
    approvedOn: field(optional(isoDate, null)),
    expiresOn: field(optional(isoDate, null)),
    audience: field(optional(audience, 'hcp' as Audience)),
    language: field(optional(language, null)),
  });
  const mapping = asMapping(raw, ctx.file, where);
  if (!mapping.ok) return mapping;
  const parsed = schema.safeParse(mapping.value);
  if (!parsed.success) return fail(report(ctx.file, issueMessages(parsed.error, mapping.value)));
  const v = parsed.data;
  const meta: DocumentMeta = { ...v, product: v.product ?? ctx.productFolder };
  const order = dateOrder(meta);
  if (order) return fail(report(ctx.file, [order]));
  return ok(meta);
}

/** `<product>/product.yaml`: only `name` is required. */
export function parseProductCard(raw: unknown, ctx: MetaContext): Result<ProductCard, string> {
  const schema = z.object({
    name: field(requiredText(`add the product's name (e.g. name: Zorvex) to ${path.basename(ctx.file)}`)),
    aliases: field(textList),
    indications: field(textList),
    competitors: field(textList),
    safetySummary: field(safetySummary),
    medicalInformation: field(optionalText),
    pharmacovigilance: field(optionalText),
    fictional: field(optional(boolean, false)),
  });
  const mapping = asMapping(raw, ctx.file, path.basename(ctx.file));
  if (!mapping.ok) return mapping;
  const parsed = schema.safeParse(mapping.value);
  if (!parsed.success) return fail(report(ctx.file, issueMessages(parsed.error, mapping.value)));
  const v = parsed.data;
  return ok({
    slug: ctx.productFolder,
    ...v,
    medicalInformation: v.medicalInformation ?? null,
    pharmacovigilance: v.pharmacovigilance ?? null,
  });
}

/**
 * A `faq.yaml`: top-level approval fields plus `items`, each a question and an answer that
 * may carry its own approval fields (an item still in draft is kept, marked by its status).
 */
export function parseFaqFile(raw: unknown, ctx: MetaContext): Result<FaqFile, string> {
  const mapping = asMapping(raw, ctx.file, 'the FAQ file');
  if (!mapping.ok) return mapping;
  const { items, ...fields } = mapping.value;
  const example = 'items:\n  - question: …\n    answer: …';
  if (items === undefined || items === null) {
    return fail(report(ctx.file, [`field "items" is missing — list the approved Q&A pairs under it (${example})`]));
  }
  if (!Array.isArray(items)) return fail(report(ctx.file, [`field "items" must be a list of question/answer pairs (${example})`]));
  if (items.length === 0) return fail(report(ctx.file, ['field "items" is an empty list — add the approved Q&A pairs, or delete the file']));

  const itemSchema = z.object({
    question: field(requiredText('add the question (question: …)')),
    answer: field(requiredText('add the approved answer (answer: …)')),
    title: field(optionalText),
    approvalCode: field(optional(approvalCode, undefined)),
    status: field(optional(status, undefined)),
    approvedOn: field(optional(isoDate, undefined)),
    expiresOn: field(optional(isoDate, undefined)),
    audience: field(optional(audience, undefined)),
    language: field(optional(language, undefined)),
  });
  const problems: string[] = [];
  const parsedItems: FaqItem[] = [];
  for (const [i, item] of items.entries()) {
    const label = `item ${i + 1}${itemLabel(item)}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${label} must be a question/answer pair (question: … and answer: … on their own lines)`);
      continue;
    }
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...issueMessages(parsed.error, item as Record<string, unknown>).map((m) => `${label}: ${m}`));
      continue;
    }
    const { question, answer, ...overrides } = parsed.data;
    const meta = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined && v !== null)) as Partial<DocumentMeta>;
    const order = dateOrder({ approvedOn: meta.approvedOn ?? null, expiresOn: meta.expiresOn ?? null });
    if (order) {
      problems.push(`${label}: ${order}`);
      continue;
    }
    parsedItems.push({ question, answer, meta });
  }
  if (problems.length > 0) return fail(report(ctx.file, problems));
  return ok({ fields, items: parsedItems });
}

// ── field checks ────────────────────────────────────────────────────────────

/** A zod field run through `check`, also when the key is absent (checks decide about defaults). */
function field<T>(check: Check<T>) {
  return z.unknown().optional().transform((value, ctx): T => {
    const result = check(value);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.error, input: value });
    return z.NEVER;
  });
}

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A check that needs a value; `hint` says how to add it. */
function required<T>(check: Check<T>, hint: string): Check<T> {
  return (value) => {
    if (value === undefined) return fail(`is missing — ${hint}`);
    if (isBlank(value)) return fail(`is empty — ${hint}`);
    return check(value);
  };
}

function optional<T, D>(check: Check<T>, fallback: D): Check<T | D> {
  return (value) => (isBlank(value) ? ok(fallback) : check(value));
}

function requiredText(hint: string): Check<string> {
  return required(text, hint);
}

const text: Check<string> = (value) => {
  if (typeof value === 'string') return ok(value.trim());
  if (typeof value === 'number') return ok(String(value));
  return fail(`must be text, but it is ${describe(value)}`);
};

const optionalText: Check<string | null> = optional(text, null);

function enumCheck<T extends string>(values: readonly T[], normalise: (s: string) => string = (s) => s): Check<T> {
  return (value) => {
    const candidate = typeof value === 'string' ? normalise(value.trim().toLowerCase()) : value;
    if (values.includes(candidate as T)) return ok(candidate as T);
    return fail(`is ${describe(value)} — use one of: ${values.join(', ')}`);
  };
}

const docType = enumCheck(DOC_TYPES, (s) => s.replace(/[\s_]+/g, '-'));
const status: Check<DocStatus> = enumCheck(DOC_STATUSES);
const audience: Check<Audience> = enumCheck(AUDIENCES, (s) => (s === 'hcps' ? 'hcp' : s));
const language: Check<Language> = enumCheck(LANGUAGES, (s) => LANGUAGE_ALIASES[s] ?? s.split(/[-_]/)[0] ?? s);

const approvalCode: Check<string> = (value) => {
  if (typeof value === 'number') {
    return fail(`is the number ${value} — write it in quotes (approvalCode: "${value}") so it is kept exactly as issued`);
  }
  if (typeof value !== 'string') return fail(`must be text, but it is ${describe(value)}`);
  const code = value.trim();
  if (PLACEHOLDER_CODES.has(code.toLowerCase())) {
    return fail(`is a placeholder ("${code}") — only material with a real MLR approval code may be indexed`);
  }
  if (!APPROVAL_CODE.test(code)) {
    return fail(`"${code}" is not an approval code — use letters, digits, "-", "_", "." and "/" only (e.g. MLR-2025-0142)`);
  }
  return ok(code);
};

const isoDate: Check<string> = (value) => {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? fail('is not a valid date — write it as YYYY-MM-DD, e.g. 2025-01-10') : ok(value.toISOString().slice(0, 10));
  }
  const shown = typeof value === 'string' ? `"${value.trim()}"` : describe(value);
  const m = typeof value === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim()) : null;
  if (!m) return fail(`is ${shown} — write the date as YYYY-MM-DD, e.g. 2025-01-10`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`is ${shown}, which is not a real calendar date — check the day and month`);
  }
  return ok(date.toISOString().slice(0, 10));
};

const boolean: Check<boolean> = (value) =>
  typeof value === 'boolean' ? ok(value) : fail(`is ${describe(value)} — write true or false`);

const textList: Check<string[]> = (value) => {
  if (isBlank(value)) return ok([]);
  if (typeof value === 'string' || typeof value === 'number') return ok([String(value).trim()]);
  if (!Array.isArray(value)) return fail(`must be a list (e.g. [first, second]), but it is ${describe(value)}`);
  const bad = value.findIndex((v) => typeof v !== 'string' && typeof v !== 'number');
  if (bad >= 0) return fail(`entry ${bad + 1} is ${describe(value[bad])} — every entry must be text`);
  return ok(value.map((v) => String(v).trim()).filter((v) => v !== ''));
};

const safetySummary: Check<Partial<Record<Language, string>>> = (value) => {
  if (isBlank(value)) return ok({});
  if (typeof value === 'string') return ok({ [detectLanguage(value)]: value.trim() });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`must be text or one text per language (en: …, zh: …), but it is ${describe(value)}`);
  }
  const out: Partial<Record<Language, string>> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(LANGUAGES as readonly string[]).includes(key)) return fail(`has the language "${key}" — use en and zh`);
    if (typeof v !== 'string') return fail(`"${key}" must be text, but it is ${describe(v)}`);
    if (v.trim() !== '') out[key as Language] = v.trim();
  }
  return ok(out);
};

// ── reporting ───────────────────────────────────────────────────────────────

function asMapping(raw: unknown, file: string, where: string): Result<Record<string, unknown>, string> {
  if (raw === null || raw === undefined) return fail(`${file}: no metadata found — add the fields to ${where}`);
  if (typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Date) {
    return fail(`${file}: the metadata must be "key: value" fields, but it is ${describe(raw)}`);
  }
  return ok(raw as Record<string, unknown>);
}

function issueMessages(error: z.ZodError, raw: Record<string, unknown>): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
    const key = String(issue.path[0] ?? '');
    const misspelt = raw[key] === undefined ? similarKey(raw, key) : null;
    const rename = misspelt ? ` (there is a field "${misspelt}" — rename it to "${key}")` : '';
    return `field "${name}" ${issue.message}${rename}`;
  });
}

/** "approval_code" or "ApprovalCode" for "approvalCode": the usual reason a field seems missing. */
function similarKey(raw: Record<string, unknown>, key: string): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  return Object.keys(raw).find((k) => k !== key && norm(k) === norm(key)) ?? null;
}

function report(file: string, problems: string[]): string {
  if (problems.length === 1) return `${file}: ${problems[0]}`;
  return `${file}: ${problems.length} problems — ${problems.map((p, i) => `(${i + 1}) ${p}`).join('; ')}`;
}

function dateOrder(meta: Pick<DocumentMeta, 'approvedOn' | 'expiresOn'>): string | null {
  if (meta.approvedOn && meta.expiresOn && meta.expiresOn < meta.approvedOn) {
    return `field "expiresOn" (${meta.expiresOn}) is before approvedOn (${meta.approvedOn}) — check both dates`;
  }
  return null;
}

function metadataLocation(file: string): string {
  if (/\.(md|markdown)$/i.test(file)) return 'the front matter';
  if (isFaqFile(file)) return 'the top of the FAQ file';
  return `the sidecar ${path.basename(file)}.meta.yaml`;
}

function itemLabel(item: unknown): string {
  if (typeof item !== 'object' || item === null) return '';
  const q = (item as Record<string, unknown>).question;
  if (typeof q !== 'string' || q.trim() === '') return '';
  const t = q.trim();
  return ` ("${t.length > 50 ? `${t.slice(0, 49)}…` : t}")`;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}
