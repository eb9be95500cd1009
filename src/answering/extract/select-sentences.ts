import { memoized } from '../../core/memo.js';
import { TABLE_CAPTION, TABLE_ROW_END } from '../../text/table-lines.js';
import type { Candidate } from './chunk-sentences.js';
import { type ScoredCandidate, sentenceTokens } from './sentence-score.js';

export interface SelectionTuning {
  /** The best sentence must state at least this share of the question's concepts, or nothing answers it. */
  floor: number;
  /** Further sentences must score at least this share of the best one. */
  keepRatio: number;
  maxSentences: number;
  maxChars: number;
  /** A sentence that adds no concept joins when it is this close to the best and as much on topic. */
  listRatio: number;
  /** The best sentence's neighbour in its passage joins when it shares the best sentence's rarest concept and scores this share of it. */
  neighbourRatio: number;
}

/** Rows of a table quoted after the sentence that introduces it. */
const MAX_LIST_ROWS = 4;
/**
 * A sentence that qualifies or continues the one before it ("However, no data is available …",
 * "These cases have been fatal.", "The reduction was evident by Week 4."): quoted alone it misleads, so the
 * sentence it refers to joins.
 */
const CONTINUES_PREVIOUS =
  /^(?:however|but|nevertheless|nonetheless|therefore|thus|hence|consequently|moreover|furthermore|in addition|additionally|also|in contrast|conversely|similarly|likewise|thereafter|afterwards)\b|^(?:this|these|such)\s+(?:cases?|patients?|findings?|events?|reactions?|effects?|results?|data|reductions?|decreases?|increases?|improvements?|responses?|differences?|benefits?|changes?)\b|^the\s+(?:reduction|decrease|increase|improvement|response|difference|benefit|effect|change)s?\s+(?:was|were|is|are|has|have|had|remained|persisted|occurred|appeared|lasted)\b|^(?:但是?|然而|因此|所以|此外|另外|而且|不过|同样|这些)/i;

export const DEFAULT_SELECTION: SelectionTuning = { floor: 0.35, keepRatio: 0.75, maxSentences: 3, maxChars: 700, listRatio: 0.8, neighbourRatio: 0.6 };

/**
 * The one to three sentences that answer the question: the best one, then others that come
 * close and add a concept it lacks (or continue it in the same passage). Empty when the best
 * does not reach the floor: the material does not answer the question.
 */
export function selectSentences(scored: readonly ScoredCandidate[], all: readonly Candidate[], tuning: SelectionTuning = DEFAULT_SELECTION): ScoredCandidate[] {
  const ranked = uniqueByText([...scored].sort((a, b) => b.score - a.score));
  const best = ranked[0];
  if (!best || best.coverage < tuning.floor) return [];
  const chosen: ScoredCandidate[] = [best];
  let chars = best.candidate.text.length;
  const covered = new Set(best.matched);
  for (const next of ranked.slice(1)) {
    if (chosen.length >= tuning.maxSentences || next.score < tuning.keepRatio * best.score) break;
    if (next.coverage < Math.max(0.7 * best.coverage, 0.8 * tuning.floor) || chars + next.candidate.text.length > tuning.maxChars) continue;
    if (chosen.some((c) => similar(c.candidate.text, next.candidate.text))) continue;
    if (CONTINUES_PREVIOUS.test(next.candidate.text) && referentMissing(next, scored, chosen)) continue;
    const addsConcept = [...next.matched].some((id) => !covered.has(id));
    const sameChunk = chosen.some((c) => c.candidate.chunk.id === next.candidate.chunk.id);
    const adjacent = chosen.some((c) => c.candidate.chunk.id === next.candidate.chunk.id && Math.abs(c.candidate.position - next.candidate.position) === 1);
    const close = next.score >= tuning.listRatio * best.score;
    // Lists (contraindications, interactions) are answered by several passages equally on topic;
    // a second sentence of the same passage joins only to continue the first.
    const joins = addsConcept || (sameChunk ? adjacent && close : close && next.coverage >= 0.7 * best.coverage);
    if (!joins) continue;
    chosen.push(next);
    chars += next.candidate.text.length;
    for (const id of next.matched) covered.add(id);
  }
  // A fact is often stated over two sentences: the best one's neighbour joins when it speaks of the same thing.
  if (chosen.length < tuning.maxSentences) {
    const neighbour = bestNeighbour(best, scored, tuning);
    const dangling = neighbour !== null && CONTINUES_PREVIOUS.test(neighbour.candidate.text) && referentMissing(neighbour, scored, chosen);
    if (neighbour && !dangling && !chosen.some((c) => c.candidate === neighbour.candidate) && chars + neighbour.candidate.text.length <= tuning.maxChars) chosen.push(neighbour);
  }
  for (const c of [...chosen]) {
    if (!CONTINUES_PREVIOUS.test(c.candidate.text)) continue;
    const previous = previousSentence(c, scored);
    if (!previous || chosen.some((x) => x.candidate === previous.candidate)) continue;
    if (chars + previous.candidate.text.length <= tuning.maxChars) {
      chosen.push(previous);
      chars += previous.candidate.text.length;
    } else if (c !== best) {
      chosen.splice(chosen.indexOf(c), 1);
      chars -= c.candidate.text.length;
    }
  }
  // A sentence that ends in a colon announces what follows: the next sentence, or the rows of its table.
  for (const c of [...chosen]) {
    if (!/[:：]$/.test(c.candidate.text)) continue;
    const following = all.filter((o) => o.chunk.id === c.candidate.chunk.id && o.position > c.candidate.position).sort((a, b) => a.position - b.position);
    const rows = following[0]?.kind === 'table-row' ? following.slice(0, MAX_LIST_ROWS).filter((o, i, list) => o.kind === 'table-row' && (i === 0 || list[i - 1]?.kind === 'table-row')) : following.slice(0, 1);
    for (const row of rows) {
      if (!chosen.some((x) => x.candidate === row)) chosen.push({ candidate: row, coverage: c.coverage, score: c.score, matched: new Set() });
    }
  }
  // A PDF table line chosen alone ("ACR20 response 58 27": no cells, no column names) is read
  // with its caption and header lines; a row with cells ("Headache | 28% | 7% |") reads alone.
  for (const c of [...chosen]) {
    if (c.candidate.kind !== 'sentence' || !TABLE_ROW_END.test(c.candidate.text)) continue;
    const caption = all
      .filter((o) => o.chunk.id === c.candidate.chunk.id && o.position < c.candidate.position && c.candidate.position - o.position <= MAX_TABLE_LINES && TABLE_CAPTION.test(o.text))
      .sort((a, b) => b.position - a.position)[0];
    if (caption && !chosen.some((x) => x.candidate === caption)) chosen.push({ candidate: caption, coverage: c.coverage, score: c.score, matched: new Set() });
  }
  // A table's caption ("Table 3: ACR Responses at Week 24 …") says what its lines state: they
  // follow it, each quoted as it stands (the compliance filter grounds each line's figures).
  for (const c of [...chosen]) {
    if (!TABLE_CAPTION.test(c.candidate.text)) continue;
    const following = all.filter((o) => o.chunk.id === c.candidate.chunk.id && o.position > c.candidate.position).sort((a, b) => a.position - b.position);
    for (const line of tableLines(following)) {
      if (!chosen.some((x) => x.candidate === line)) chosen.push({ candidate: line, coverage: c.coverage, score: c.score, matched: new Set() });
    }
  }
  return readingOrder(withHeaderRows(chosen));
}

/**
 * "上呼吸道感染 | 11 | 8" says nothing without "不良反应 | 卡米拉 % | 安慰剂 %": the header row of a
 * table whose rows are quoted comes before the first of them, once.
 */
function withHeaderRows(chosen: ScoredCandidate[]): ScoredCandidate[] {
  const out = [...chosen];
  const done = new Set<string>();
  for (const c of chosen) {
    const { header, chunk } = c.candidate;
    if (c.candidate.kind !== 'table-row' || !header) continue;
    const key = `${chunk.id}\u0000${header}`;
    if (done.has(key) || chosen.some((x) => x.candidate.chunk.id === chunk.id && x.candidate.text === header)) continue;
    done.add(key);
    const first = Math.min(...chosen.filter((x) => x.candidate.chunk.id === chunk.id && x.candidate.header === header).map((x) => x.candidate.position));
    out.push({ candidate: { ...c.candidate, text: header, position: first - 0.5 }, coverage: c.coverage, score: c.score, matched: new Set() });
  }
  return out;
}

/** At most this many lines of a table are quoted under its caption (a PDF's header cells come as lines of their own). */
const MAX_TABLE_LINES = 10;

/** The lines of the table under a caption: rows, and a PDF's header cells ("Placebo %", "(N=214)"), up to the next sentence of prose. */
function tableLines(following: readonly Candidate[]): Candidate[] {
  const lines: Candidate[] = [];
  for (const o of following) {
    if (lines.length >= MAX_TABLE_LINES || TABLE_CAPTION.test(o.text)) break;
    const prose = o.kind === 'sentence' && /[.!?。！？]$/.test(o.text) && o.text.split(/\s+/).length > 6;
    if (prose) break;
    lines.push(o);
  }
  return lines;
}

function previousSentence(c: ScoredCandidate, scored: readonly ScoredCandidate[]): ScoredCandidate | undefined {
  return scored.find((s) => s.candidate.chunk.id === c.candidate.chunk.id && s.candidate.position === c.candidate.position - 1);
}

/** The sentence a "However, …" refers to is cut off by the passage start, or is quoted already from another passage. */
function referentMissing(c: ScoredCandidate, scored: readonly ScoredCandidate[], chosen: readonly ScoredCandidate[]): boolean {
  const previous = previousSentence(c, scored);
  if (!previous) return true;
  return !chosen.some((x) => x.candidate === previous.candidate) && chosen.some((x) => similar(x.candidate.text, previous.candidate.text));
}

function bestNeighbour(best: ScoredCandidate, scored: readonly ScoredCandidate[], tuning: SelectionTuning): ScoredCandidate | null {
  const { chunk, position } = best.candidate;
  const around = scored.filter((s) => s.candidate.chunk.id === chunk.id && Math.abs(s.candidate.position - position) === 1);
  const shared = around.filter((s) => [...s.matched].some((id) => best.matched.has(id)) && s.score >= tuning.neighbourRatio * best.score);
  return shared.sort((a, b) => b.score - a.score)[0] ?? null;
}

/** Sentences of one passage in their order; passages in the order of their best sentence. */
function readingOrder(chosen: ScoredCandidate[]): ScoredCandidate[] {
  const rank = new Map<string, number>();
  chosen.forEach((c, i) => {
    if (!rank.has(c.candidate.chunk.id)) rank.set(c.candidate.chunk.id, i);
  });
  return [...chosen].sort(
    (a, b) => (rank.get(a.candidate.chunk.id) ?? 0) - (rank.get(b.candidate.chunk.id) ?? 0) || a.candidate.position - b.candidate.position,
  );
}

function uniqueByText(list: ScoredCandidate[]): ScoredCandidate[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = textKey(s.candidate.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const CJK = /[\u3400-\u9fff]/;
const JOINING_HYPHEN = /(?<=\p{L})-(?=\p{L})/gu;

/** The numbers of a sentence, in order, with dose units made comparable across languages ("40毫克" = "40 mg"). */
function figures(text: string): string {
  return (text.replace(/毫克/g, 'mg').match(/\d+(?:\.\d+)?\s*(?:mg|%|°)?/g) ?? []).map((f) => f.replace(/\s+/g, '')).sort().join(' ');
}

const textKey = memoized((text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), 50_000);

/** "Post-marketing" and "Postmarketing" are one word. */
const wordsOf = memoized((text: string) => sentenceTokens(text.replace(JOINING_HYPHEN, '')), 50_000);

/**
 * The same statement twice: a FAQ answer repeating the label (nearly the same words, nearly the
 * same length), or its translation (the other script, the same figures).
 */
function similar(a: string, b: string): boolean {
  if (CJK.test(a) !== CJK.test(b)) {
    const [p, q] = [figures(a), figures(b)];
    return p !== '' && p === q;
  }
  const [x, y] = [wordsOf(a), wordsOf(b)];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return true;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.85 && small.size / large.size >= 0.7;
}
