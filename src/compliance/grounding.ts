import { memoized } from '../core/memo.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokenize.js';
import { foldPlain } from './fold.js';
import { type NumberMention, extractNumbers, sameNumber } from './numbers.js';
import type { Chunk } from '../knowledge/types.js';
import type { GroundingPassage } from './types.js';

/** An indexed chunk as a grounding passage (of `product`: its own by default). */
export function passageOf(chunk: Pick<Chunk, 'id' | 'text' | 'approvalCode' | 'product'>, product = chunk.product): GroundingPassage {
  return { id: chunk.id, text: chunk.text, approvalCode: chunk.approvalCode, product };
}

/**
 * Where approved passages come from when a draft cites none: the knowledge base in the app,
 * an in-memory list in tests (`createInMemoryGroundingSource`).
 */
export interface GroundingSource {
  findSupport(sentence: string, options?: { product?: string }): Promise<GroundingPassage[]>;
}

/** A sentence prepared for support checks (drafts and passages alike). */
export interface AnalyzedSentence {
  folded: string;
  tokens: ReadonlySet<string>;
  numbers: readonly NumberMention[];
  directions: readonly Direction[];
  comparators: readonly string[];
  cjk: boolean;
}

export interface AnalyzedPassage {
  passage: GroundingPassage;
  sentences: readonly AnalyzedSentence[];
}

/** A direction word ("reduced", "增加") with the words around it and whether it is negated. */
export interface Direction {
  up: boolean;
  negated: boolean;
  context: ReadonlySet<string>;
}

// Direction words: a draft that says "increases" where the source says "reduces" is unsupported.
const UP = /(?<![a-z])(?:more|greater|higher|increas\w*|rais(?:e|es|ed|ing)|rise|rose|elevat\w*|superior|better|faster|longer|improv\w*|boost\w*)(?![a-z])|增加|升高|提高|上升|增高|更多|高于|优于|加快|延长|改善|增强|多于/g;
const DOWN = /(?<![a-z])(?:less|fewer|lower\w*|reduc\w*|decreas\w*|declin\w*|drop\w*|fall|fell|inferior|worse|slower|shorter|diminish\w*)(?![a-z])|降低|减少|下降|减低|低于|更少|劣于|减慢|缩短|减弱|少于/g;
// Words that look negative but are not ("不良反应", "肾功能不全", "非甾体").
const NOT_NEGATIONS = /不良|不适|不全|不足|不稳定|不同|不宁|不耐受|不规则|无论|非甾体|非致死|非心血管|非典型|非hdl/g;

// "than X", "versus X", "compared with X"; Chinese "比X更", "与X相比".
const EN_COMPARATOR = /(?<![a-z])(?:than|versus|vs\.?|compared (?:with|to)|relative to|superior to|inferior to)\s+((?:[a-z0-9-]+\s*){1,3})/g;
const ZH_COMPARATOR = /(?:比|较)([^\s，。,;；]{1,8}?)(?:更|还|要|略|明显|显著|多|少|高|低|好|差|强|弱|快|慢|长|短)|(?:与|和|同|跟)([^\s，。,;；]{1,10}?)(?:相比|比较|相较|对比)/g;
const COMPARATIVE = /(?<![a-z])(?:than|versus|vs\.?|compared (?:with|to)|relative to|superior to|inferior to|head-to-head)(?![a-z])|(?<![比例如])比(?!例|如|率|较少)|相比|相较|高于|低于|优于|劣于|多于|少于|对比/;
const THRESHOLD_THAN = /(?:more|greater|less|fewer|higher|lower) than (?:or equal to )?[\d.]+\s*%?|(?:高于|低于|多于|少于|大于|小于)\s*[\d.]+\s*%?/g;

const NEGATED_BEFORE = /(?:(?<![a-z])(?:not|no|never|without|cannot|neither|nor)(?![a-z])|n't|不|未|没有|无|非)[^,;.，；。]{0,12}$/;
const CONTEXT_AFTER = 60;
const CONTEXT_BEFORE = 30;

/**
 * Each direction word with the words it governs: mostly what follows ("reduced the incidence of
 * ischemic stroke"), a little of what precedes ("发生率降低"), never past the next direction word.
 */
export function directions(folded: string): Direction[] {
  const blank = (m: string) => ' '.repeat(m.length);
  const text = folded.replace(THRESHOLD_THAN, blank).replace(NOT_NEGATIONS, blank);
  const found: Array<{ start: number; end: number; up: boolean }> = [];
  for (const m of text.matchAll(UP)) found.push({ start: m.index, end: m.index + m[0].length, up: true });
  for (const m of text.matchAll(DOWN)) found.push({ start: m.index, end: m.index + m[0].length, up: false });
  found.sort((x, y) => x.start - y.start);
  return found.map((d, i) => {
    const before = wordStart(text, Math.max(d.start - CONTEXT_BEFORE, found[i - 1]?.end ?? 0));
    const after = wordEnd(text, Math.min(d.end + CONTEXT_AFTER, found[i + 1]?.start ?? text.length));
    const context = new Set([...contentTokens(text.slice(before, d.start)), ...contentTokens(text.slice(d.end, after))]);
    return { up: d.up, negated: NEGATED_BEFORE.test(text.slice(Math.max(0, d.start - 16), d.start)), context };
  });
}

/** Moves a cut forward to the start of a word, so a context never holds half a word. */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && i < text.length && /[a-z0-9]/.test(text[i - 1] as string) && /[a-z0-9]/.test(text[i] as string)) i++;
  return i;
}

function wordEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && i < text.length && /[a-z0-9]/.test(text[i - 1] as string) && /[a-z0-9]/.test(text[i] as string)) i--;
  return i;
}

/** True when a sentence compares (than, versus, 比, 相比…) other than as a numeric threshold ("more than 2%"). */
export function isComparative(folded: string): boolean {
  return COMPARATIVE.test(folded.replace(THRESHOLD_THAN, ' '));
}

/** The content tokens of what is compared against ("placebo", "crestor", "安慰剂"). */
export function comparators(folded: string): string[] {
  const text = folded.replace(THRESHOLD_THAN, ' ');
  const out: string[] = [];
  for (const m of text.matchAll(EN_COMPARATOR)) out.push(...tokenize(m[1] ?? '').filter((t) => !/^\d/.test(t)).slice(0, 1));
  for (const m of text.matchAll(ZH_COMPARATOR)) {
    const target = (m[1] ?? m[2] ?? '').replace(/^(?:使用|服用|接受)/, '');
    if (target !== '') out.push(target);
  }
  return out;
}

function contentTokens(folded: string): Set<string> {
  return new Set(tokenize(folded).filter((t) => !/^[\d.]+$/.test(t)));
}

const CJK = /[\u3400-\u9fff]/;

export function analyzeSentence(folded: string, exempt: RegExp | null = null, ignore?: ReadonlySet<string>): AnalyzedSentence {
  const tokens = contentTokens(folded);
  if (ignore) for (const t of ignore) tokens.delete(t);
  return {
    folded,
    tokens,
    numbers: extractNumbers(folded, exempt),
    directions: directions(folded),
    comparators: comparators(folded),
    cjk: CJK.test(folded),
  };
}

const passageSentences = memoized((text: string): AnalyzedSentence[] => splitSentences(text).map((s) => analyzeSentence(foldPlain(s))), 20_000);

/** Splits and analyses a passage once; the same text (a chunk cited again) is not re-analysed. */
export function analyzePassage(passage: GroundingPassage): AnalyzedPassage {
  return { passage, sentences: passageSentences(passage.text) };
}

/** Share of the draft's content tokens found in a passage sentence (and, with `reach` 1, its neighbours). */
function overlap(draft: AnalyzedSentence, sentences: readonly AnalyzedSentence[], i: number, reach = 1): number {
  if (draft.tokens.size === 0) return 1;
  let hits = 0;
  for (const token of draft.tokens) {
    for (let j = Math.max(0, i - reach); j <= Math.min(sentences.length - 1, i + reach); j++) {
      if ((sentences[j] as AnalyzedSentence).tokens.has(token)) {
        hits++;
        break;
      }
    }
  }
  return hits / draft.tokens.size;
}

/** Numbers need the passage to be about the same thing; a bare "40" anywhere is not support. */
const NUMBER_OVERLAP = 0.3;
const NUMBER_OVERLAP_TOKENS = 3;
const BARE_NUMBER_OVERLAP = 0.5;
/** Claims without a number need a passage that says nearly the same sentence. */
const CLAIM_OVERLAP = 0.5;
/** A flagged phrase (a superiority claim) is allowed only when a source says nearly this very sentence. */
const STATED_OVERLAP = 0.7;

/**
 * Every direction in the draft must match the source's direction about the same thing: the
 * source mention whose surrounding words overlap most must point the same way, negated alike.
 */
function agrees(draft: AnalyzedSentence, source: AnalyzedSentence): boolean {
  for (const d of draft.directions) {
    let best = -1;
    let same = false;
    for (const s of source.directions) {
      let shared = 0;
      for (const t of d.context) if (s.context.has(t)) shared++;
      const match = s.up === d.up && s.negated === d.negated;
      if (shared > best) {
        best = shared;
        same = match;
      } else if (shared === best && match) {
        same = true;
      }
    }
    if (!same) return false;
  }
  return true;
}

function comparatorsFound(draft: AnalyzedSentence, source: AnalyzedSentence): boolean {
  return draft.comparators.every((c) => source.tokens.has(c) || source.folded.includes(c));
}

function sameLanguage(draft: AnalyzedSentence, source: AnalyzedSentence): boolean {
  return draft.cjk === source.cjk;
}

/** Candidates closer than this to the best-matching source sentence also count. */
const BEST_MARGIN = 0.1;

interface Candidate {
  source: AnalyzedSentence;
  /** Overlap with the sentence itself: which statement is "the" source is decided on this. */
  share: number;
}

/**
 * A claim is judged by the source statements that match it best: a label sentence that says
 * "reduced ischemic stroke and increased hemorrhagic stroke" supports neither "increased
 * ischemic stroke" nor, through a looser sentence elsewhere, the same flip.
 */
function bestAgree(draft: AnalyzedSentence, candidates: Candidate[], extra: (s: AnalyzedSentence) => boolean = () => true): boolean {
  if (candidates.length === 0) return false;
  const best = Math.max(...candidates.map((c) => c.share));
  return candidates.some((c) => c.share >= best - BEST_MARGIN && agrees(draft, c.source) && extra(c.source));
}

/** True when some passage sentence states this number about the same thing, in the same direction. */
export function numberSupported(claim: NumberMention, draft: AnalyzedSentence, passages: readonly AnalyzedPassage[]): boolean {
  const candidates: Candidate[] = [];
  for (const { sentences } of passages) {
    for (let i = 0; i < sentences.length; i++) {
      const source = sentences[i] as AnalyzedSentence;
      if (!source.numbers.some((n) => sameNumber(claim, n))) continue;
      if (!sameLanguage(draft, source)) {
        // Across languages words cannot be compared: the figure and its unit must match exactly.
        if (claim.unit !== null && source.numbers.some((n) => n.value === claim.value && n.unit === claim.unit)) return true;
        continue;
      }
      const own = overlap(draft, sentences, i, 0);
      // A figure with its unit ("36%") may lean on neighbouring sentences (a table and its
      // caption); a bare figure ("…ages 40–75…") counts only in a sentence about the same thing.
      const unitsAgree = claim.unit !== null && source.numbers.some((n) => n.value === claim.value && n.unit === claim.unit);
      const share = unitsAgree || claim.unit === null ? overlap(draft, sentences, i) : own;
      const needed = unitsAgree || claim.unit === null ? NUMBER_OVERLAP : BARE_NUMBER_OVERLAP;
      if (share >= needed || (unitsAgree && share * draft.tokens.size >= NUMBER_OVERLAP_TOKENS)) candidates.push({ source, share: own });
    }
  }
  return bestAgree(draft, candidates);
}

/** The numbers of a draft sentence that no passage supports. */
export function unsupportedNumbers(draft: AnalyzedSentence, passages: readonly AnalyzedPassage[]): NumberMention[] {
  return draft.numbers.filter((n) => !numberSupported(n, draft, passages));
}

/** True when some passage sentence says nearly the same thing, with the same comparator and direction. */
export function claimSupported(draft: AnalyzedSentence, passages: readonly AnalyzedPassage[], minOverlap = CLAIM_OVERLAP): boolean {
  const candidates: Candidate[] = [];
  for (const { sentences } of passages) {
    for (let i = 0; i < sentences.length; i++) {
      const source = sentences[i] as AnalyzedSentence;
      if (!sameLanguage(draft, source)) continue;
      const share = overlap(draft, sentences, i, 0);
      if (share >= minOverlap) candidates.push({ source, share });
    }
  }
  return bestAgree(draft, candidates, (source) => comparatorsFound(draft, source));
}

/**
 * True when an approved passage itself makes the flagged statement: every word of the flagged
 * phrase is in one source sentence that says nearly the same thing ("superior to placebo"
 * in the label lets a rep say it; "superior to other biologics" it does not).
 */
export function statedBy(draft: AnalyzedSentence, phrase: string, passages: readonly AnalyzedPassage[]): boolean {
  const words = contentTokens(phrase);
  const candidates: Candidate[] = [];
  for (const { sentences } of passages) {
    for (let i = 0; i < sentences.length; i++) {
      const source = sentences[i] as AnalyzedSentence;
      if (!sameLanguage(draft, source)) continue;
      if (![...words].every((w) => source.tokens.has(w))) continue;
      const share = overlap(draft, sentences, i, 0);
      if (share >= STATED_OVERLAP) candidates.push({ source, share });
    }
  }
  return bestAgree(draft, candidates, (source) => comparatorsFound(draft, source));
}

/**
 * The largest dose (in the unit given) an approved passage states as a limit: "maximum
 * recommended dose is 80 mg", "dosage range … 10 to 80 mg", "最大推荐剂量…". Null when no
 * passage states one (other doses in passages, such as interaction studies, are not limits).
 */
export function maximumDose(passages: readonly AnalyzedPassage[], unit: NumberMention['unit']): number | null {
  let max: number | null = null;
  for (const { sentences } of passages) {
    for (const s of sentences) {
      if (!DOSE_LIMIT.test(s.folded)) continue;
      for (const n of s.numbers) if (n.unit === unit) max = Math.max(max ?? 0, n.value);
    }
  }
  return max;
}

const DOSE_LIMIT = /maximum (?:recommended )?(?:daily )?(?:dose|dosage)|dosage range|dose range|should not exceed|do not exceed|最大(?:推荐)?(?:日)?剂量|剂量范围|不应超过|不得超过/;

/** An in-memory source over a list of passages: idf-weighted word overlap, best first. */
export function createInMemoryGroundingSource(passages: readonly GroundingPassage[], options: { k?: number } = {}): GroundingSource {
  const k = options.k ?? 6;
  const postings = new Map<string, number[]>();
  passages.forEach((p, i) => {
    for (const token of new Set(tokenize(p.text))) {
      const list = postings.get(token) ?? [];
      list.push(i);
      postings.set(token, list);
    }
  });
  const n = passages.length;
  return {
    async findSupport(sentence, opts = {}) {
      const wanted = opts.product;
      const scores = new Map<number, number>();
      for (const token of new Set(tokenize(sentence))) {
        const list = postings.get(token);
        if (!list) continue;
        const idf = Math.log(1 + n / list.length);
        for (const i of list) {
          const product = passages[i]?.product;
          if (wanted !== undefined && product !== undefined && product !== wanted) continue;
          scores.set(i, (scores.get(i) ?? 0) + idf);
        }
      }
      return [...scores.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([i]) => passages[i] as GroundingPassage);
    },
  };
}
