import type { Language } from '../knowledge/types.js';
import type { RuleHit } from './check-types.js';
import { type Edit, applyEdits } from './edits.js';
import { originalSpan } from './fold.js';
import { notes } from './notes.js';
import type { ProductProfile } from './product-profile.js';
import type { Sentence } from './segment.js';
import type { Action, Bilingual, Category, CheckResult, Finding, RouteTarget, Severity } from './types.js';

/** A rule hit with the action that applies (after the judge had its say). */
export interface Flag {
  ruleId: string;
  category: Category;
  severity: Severity;
  action: Action;
  routeTo?: RouteTarget;
  message: Bilingual;
  regulation?: string;
  sentence: Sentence;
  hit: RuleHit;
  /** PII: the matched text is never echoed into notes, findings or the audit log. */
  secret?: boolean;
}

export interface DecideInput {
  text: string;
  language: Language;
  sentences: readonly Sentence[];
  flags: readonly Flag[];
  /** Products to balance a benefit claim in this sentence with. */
  productsFor(sentence: Sentence): readonly ProductProfile[];
  /** The product whose contacts a route note names. */
  product: ProductProfile | null;
  /** False for greetings, sign-offs and boilerplate: a draft of only those does not stand. */
  isSubstantive(sentence: Sentence): boolean;
  weight(sentence: Sentence): number;
}

const ROUTE_PRIORITY: readonly RouteTarget[] = ['pharmacovigilance', 'compliance', 'medical-information'];
// A sentence that opens like this leans on the one before it; it goes when that one goes.
const DEPENDENT_START = /^(?:this|that|these|those|it|which|therefore|thus|so|hence|as a result|that's why|because of this)(?![a-z])|^(?:因此|所以|这|此|由此|故|因而|这样|这意味着|这说明|也就是说)/;
/** More than this share of the content removed, and the rest does not stand. */
const MAX_REMOVED_SHARE = 2 / 3;

export function decide(input: DecideInput): CheckResult {
  const lang = input.language;
  const findings = input.flags.map((f) => toFinding(f, lang, input.text));
  const base = { findings, language: lang };

  const routes = input.flags.filter((f) => f.action === 'route' && f.severity === 'violation' && f.routeTo);
  if (routes.length > 0) {
    const route = ROUTE_PRIORITY.find((t) => routes.some((f) => f.routeTo === t)) as RouteTarget;
    const seen = new Set<RouteTarget>();
    const routeNotes: string[] = [];
    for (const target of ROUTE_PRIORITY) {
      const first = routes.find((f) => f.routeTo === target);
      if (!first || seen.has(target)) continue;
      seen.add(target);
      routeNotes.push(notes.routed(lang, target, first.message[lang], contact(input.product, target)));
    }
    return { ...base, verdict: 'routed', text: '', notes: routeNotes, route };
  }

  const blocks = input.flags.filter((f) => f.action === 'block' && f.severity === 'violation');
  if (blocks.length > 0) {
    return { ...base, verdict: 'blocked', text: '', notes: unique(blocks.map((f) => notes.blocked(lang, f.message[lang], quoteOf(f, input.text)))), route: null };
  }

  const noteList: string[] = [];
  const removed = new Map<number, Flag>();
  for (const f of input.flags) {
    if (f.action === 'remove' && f.severity === 'violation' && !removed.has(f.sentence.index)) removed.set(f.sentence.index, f);
  }
  const dependents = new Map<number, Flag>();
  for (const s of input.sentences) {
    const cause = removed.get(s.index - 1) ?? dependents.get(s.index - 1);
    if (cause && !removed.has(s.index) && DEPENDENT_START.test(s.folded.text)) dependents.set(s.index, cause);
  }
  for (const [index, cause] of dependents) {
    const s = input.sentences[index] as Sentence;
    findings.push({ ruleId: 'FILTER-DEPENDENT', category: cause.category, severity: 'info', action: 'remove', start: s.start, end: s.end, message: notes.dependent(lang) });
  }
  const gone = (s: Sentence) => removed.has(s.index) || dependents.has(s.index);

  if (removed.size > 0 && !stands(input, gone)) {
    const first = [...removed.values()][0] as Flag;
    findings.push({ ruleId: 'FILTER-NOTHING-LEFT', category: first.category, severity: 'violation', action: 'block', message: notes.nothingLeft(lang) });
    const why = unique([...removed.values()].map((f) => notes.blocked(lang, f.message[lang], quoteOf(f, input.text))));
    return { ...base, verdict: 'blocked', text: '', notes: [notes.nothingLeft(lang), ...why], route: null };
  }

  const edits: Edit[] = [];
  for (const s of input.sentences) if (gone(s)) edits.push(removal(input.text, s));
  for (const f of removed.values()) noteList.push(notes.removed(lang, f.message[lang], quoteOf(f, input.text)));
  if (dependents.size > 0) noteList.push(notes.dependent(lang));
  if ([...removed.values()].some((f) => f.routeTo === 'medical-information')) {
    noteList.push(notes.offLabelRoute(lang, contact(input.product, 'medical-information')));
  }

  for (const f of input.flags) {
    if (f.action !== 'redact' || gone(f.sentence)) continue;
    const span = originalSpan(f.sentence.folded, f.hit.start, f.hit.end);
    edits.push({ start: span.start, end: span.end, text: f.hit.replacement?.[lang] ?? '[…]' });
    noteList.push(notes.redacted(lang, f.message[lang]));
  }

  let text = applyEdits(input.text, edits).replace(/\n{3,}/g, '\n\n').trim();
  const changed = edits.length > 0;

  const appended: string[] = [];
  const balanced = new Set<string>();
  for (const f of input.flags) {
    if (f.action !== 'append' || gone(f.sentence)) continue;
    for (const p of input.productsFor(f.sentence)) {
      if (balanced.has(p.slug)) continue;
      balanced.add(p.slug);
      const summary = p.safetySummary[lang] ?? p.safetySummary[lang === 'zh' ? 'en' : 'zh'];
      if (!summary) {
        findings.push({ ruleId: 'FILTER-NO-SAFETY-SUMMARY', category: 'fair-balance', severity: 'warning', action: 'none', message: notes.noSummary(lang, p.name) });
        noteList.push(notes.noSummary(lang, p.name));
      } else if (!alreadyPresent(summary, text)) {
        appended.push(summary);
        noteList.push(notes.appended(lang, p.name));
      }
    }
  }
  if (appended.length > 0) text = `${text}\n\n${appended.join('\n')}`;

  for (const f of input.flags) {
    if (f.severity === 'warning' && f.action === 'none') noteList.push(notes.warning(lang, f.message[lang], quoteOf(f, input.text)));
  }
  const verdict = changed || appended.length > 0 ? 'fixed' : 'pass';
  return { ...base, verdict, text, notes: unique(noteList), route: null };
}

function stands(input: DecideInput, gone: (s: Sentence) => boolean): boolean {
  let total = 0;
  let cut = 0;
  let substantive = false;
  for (const s of input.sentences) {
    const w = input.weight(s);
    total += w;
    if (gone(s)) cut += w;
    else if (input.isSubstantive(s)) substantive = true;
  }
  return substantive && cut / Math.max(total, 1) <= MAX_REMOVED_SHARE;
}

function contact(product: ProductProfile | null, target: RouteTarget): string | null {
  if (!product) return null;
  if (target === 'medical-information') return product.medicalInformation;
  if (target === 'pharmacovigilance') return product.pharmacovigilance;
  return null;
}

function toFinding(f: Flag, lang: Language, text: string): Finding {
  const span = originalSpan(f.sentence.folded, f.hit.start, f.hit.end);
  const finding: Finding = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    action: f.action,
    start: span.start,
    end: span.end,
    message: f.hit.detail && !f.secret ? `${f.message[lang]} (${f.hit.detail})` : f.message[lang],
  };
  if (f.routeTo) finding.routeTo = f.routeTo;
  if (!f.secret) finding.match = text.slice(span.start, span.end);
  if (f.regulation) finding.regulation = f.regulation;
  return finding;
}

function quoteOf(f: Flag, text: string): string | undefined {
  if (f.secret) return undefined;
  const span = originalSpan(f.sentence.folded, f.hit.start, f.hit.end);
  if (span.end - span.start > 60 && f.hit.detail) return f.hit.detail;
  return text.slice(span.start, span.end);
}

/** A sentence and the spaces after it; the whole line when it was alone on it. */
function removal(text: string, s: Sentence): Edit {
  let end = s.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  let start = s.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '' && (end === text.length || text[end] === '\n')) {
    start = lineStart;
    if (end < text.length) end++;
  }
  return { start, end, text: '' };
}

function alreadyPresent(summary: string, text: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(text).includes(norm(summary));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

