import { cjkCharacters, tokenize } from '../text/tokenize.js';
import type { WeightedTerm } from './weighted-term.js';

export interface KeywordItem {
  id: string;
  text: string;
  /** Title and section heading; indexed with the text, each token counting `fieldWeight` times. */
  fields?: string;
}

export interface KeywordHit {
  id: string;
  score: number;
  /**
   * Share (0..1) of the query's idf-weighted mass the item matched. Each concept (a group of
   * alternative terms) counts once, at its best indexed term. A concept none of whose terms is
   * indexed counts as unmatched (at the highest idf) when the user asked it (weight 1), and not
   * at all when it only came from expansions.
   */
  matchedWeight: number;
}

export interface KeywordIndexOptions {
  k1?: number;
  b?: number;
  /** How many times a token of `fields` counts (default 2). */
  fieldWeight?: number;
  /** Share of a concept's further synonym hits added to its best one (default 0.3). */
  synonymDamping?: number;
  /** Also index single CJK characters (not counted in the length; default true). */
  cjkCharacters?: boolean;
}

export interface KeywordIndexJson {
  version: 1;
  options: Required<KeywordIndexOptions>;
  ids: string[];
  lengths: number[];
  /** term → [slot, tf, slot, tf, …] */
  postings: Record<string, number[]>;
}

/**
 * A filter worked out once for every slot (see `KeywordIndex.mask`): rejected items are skipped
 * while scoring, so a filter that keeps a small share of a large index costs nothing per search.
 */
export interface KeywordMask {
  readonly accept: (id: string) => boolean;
  /** Per slot: 1 accepted; valid while the index is unchanged (`version`). */
  slots: Uint8Array;
  version: number;
}

interface Posting {
  slots: number[];
  tfs: number[];
  /** Live documents containing the term. */
  df: number;
  /** Entries of removed documents still in `slots`. */
  dead: number;
}

interface Prepared {
  mass: number;
  terms: Array<{ posting: Posting; weightedIdf: number }>;
}

const DEFAULTS: Required<KeywordIndexOptions> = { k1: 1.2, b: 0.75, fieldWeight: 2, synonymDamping: 0.3, cjkCharacters: true };

/**
 * In-memory BM25 over chunk texts, CJK-aware through `tokenize` (bigrams, plus single
 * characters for low-weight query matches). An inverted index with
 * postings; add and remove by id for incremental updates (removal is lazy: postings are
 * compacted once half of them are dead). Query terms are index tokens (see `queryTerms`).
 */
const CJK_TERM = /[\u3400-\u9fff]/;

export class KeywordIndex {
  private readonly options: Required<KeywordIndexOptions>;
  private readonly postings = new Map<string, Posting>();
  private readonly slotOf = new Map<string, number>();
  private ids: Array<string | null> = [];
  private lengths: number[] = [];
  private docPostings: Array<Posting[] | null> = [];
  private live = 0;
  private totalLength = 0;
  private scratch: Scratch | null = null;
  /** Per-slot BM25 length normaliser k1·(1 − b + b·len/avgLen); 0 marks a removed slot. Rebuilt after changes. */
  private norms: Float64Array | null = null;
  /** Changes with every add and remove (masks are per version). */
  private version = 0;

  constructor(options: KeywordIndexOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  static build(items: Iterable<KeywordItem>, options: KeywordIndexOptions = {}): KeywordIndex {
    const index = new KeywordIndex(options);
    for (const item of items) index.add(item);
    return index;
  }

  get size(): number {
    return this.live;
  }

  /** Ids of the live items. */
  liveIds(): string[] {
    return [...this.slotOf.keys()];
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an item, replacing any item with the same id. */
  add(item: KeywordItem): void {
    if (this.slotOf.has(item.id)) this.remove(item.id);
    const counts = new Map<string, number>();
    let length = 0;
    for (const token of tokenize(item.text)) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      length++;
    }
    if (item.fields) {
      const w = this.options.fieldWeight;
      for (const token of tokenize(item.fields)) {
        counts.set(token, (counts.get(token) ?? 0) + w);
        length += w;
      }
    }
    if (this.options.cjkCharacters) {
      for (const char of cjkCharacters(item.text)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    const slot = this.ids.length;
    const own: Posting[] = [];
    for (const [term, tf] of counts) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = { slots: [], tfs: [], df: 0, dead: 0 };
        this.postings.set(term, posting);
      }
      posting.slots.push(slot);
      posting.tfs.push(tf);
      posting.df++;
      own.push(posting);
    }
    this.ids.push(item.id);
    this.lengths.push(length);
    this.docPostings.push(own);
    this.slotOf.set(item.id, slot);
    this.live++;
    this.totalLength += length;
    this.norms = null;
    this.version++;
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.ids[slot] = null;
    for (const posting of this.docPostings[slot] ?? []) {
      posting.df--;
      posting.dead++;
      if (posting.dead > 16 && posting.dead * 2 > posting.slots.length) this.compactPosting(posting);
    }
    this.docPostings[slot] = null;
    this.norms = null;
    this.version++;
    this.live--;
    this.totalLength -= this.lengths[slot] ?? 0;
    if (this.ids.length > 1024 && this.live * 2 < this.ids.length) this.compactSlots();
    return true;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.df ?? 0;
  }

  /** BM25 idf, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)). */
  idf(term: string): number {
    return idfOf(this.live, this.documentFrequency(term));
  }

  /** Tokenizes a plain query (weight 1 per token) and searches it. */
  searchText(query: string, k: number, filter?: (id: string) => boolean): KeywordHit[] {
    return this.search(tokenize(query).map((term) => ({ term, weight: 1 })), k, filter);
  }

  /** `accept` worked out for every item now, for searches that use the same filter many times. */
  mask(accept: (id: string) => boolean): KeywordMask {
    const slots = new Uint8Array(this.ids.length);
    this.ids.forEach((id, slot) => {
      if (id !== null && accept(id)) slots[slot] = 1;
    });
    return { accept, slots, version: this.version };
  }

  search(terms: readonly WeightedTerm[], k: number, filter?: ((id: string) => boolean) | KeywordMask): KeywordHit[] {
    if (k <= 0 || this.live === 0) return [];
    let mask: Uint8Array | null = null;
    if (filter && typeof filter !== 'function') {
      if (filter.version !== this.version || filter.slots.length !== this.ids.length) Object.assign(filter, this.mask(filter.accept));
      mask = filter.slots;
      filter = undefined;
    }
    const groups = this.prepare(terms);
    let totalMass = 0;
    for (const g of groups) totalMass += g.mass;
    if (totalMass === 0 || groups.every((g) => g.terms.length === 0)) return [];

    const s = this.scratchFor(this.ids.length);
    s.epoch++;
    const touched: number[] = [];
    const { k1, synonymDamping } = this.options;
    const norms = this.normalisers();
    for (const group of groups) {
      s.groupEpoch++;
      const inGroup: number[] = [];
      for (const { posting, weightedIdf } of group.terms) {
        const { slots, tfs } = posting;
        const scale = weightedIdf * (k1 + 1);
        for (let p = 0; p < slots.length; p++) {
          const slot = slots[p] as number;
          if (mask !== null && mask[slot] !== 1) continue;
          const norm = norms[slot] as number;
          if (norm === 0) continue;
          const tf = tfs[p] as number;
          const part = (scale * tf) / (tf + norm);
          if (s.groupSeen[slot] !== s.groupEpoch) {
            s.groupSeen[slot] = s.groupEpoch;
            s.groupMax[slot] = part;
            s.groupSum[slot] = part;
            s.groupMass[slot] = weightedIdf;
            inGroup.push(slot);
          } else {
            s.groupSum[slot] = (s.groupSum[slot] as number) + part;
            if (part > (s.groupMax[slot] as number)) s.groupMax[slot] = part;
            if (weightedIdf > (s.groupMass[slot] as number)) s.groupMass[slot] = weightedIdf;
          }
        }
      }
      for (const slot of inGroup) {
        const max = s.groupMax[slot] as number;
        const gained = max + synonymDamping * ((s.groupSum[slot] as number) - max);
        if (s.seen[slot] !== s.epoch) {
          s.seen[slot] = s.epoch;
          s.score[slot] = gained;
          s.matched[slot] = s.groupMass[slot] as number;
          touched.push(slot);
        } else {
          s.score[slot] = (s.score[slot] as number) + gained;
          s.matched[slot] = (s.matched[slot] as number) + (s.groupMass[slot] as number);
        }
      }
    }
    return this.topK(touched, k, totalMass, s, filter);
  }

  toJSON(): KeywordIndexJson {
    const slots: number[] = [];
    const newSlot = new Map<number, number>();
    this.ids.forEach((id, slot) => {
      if (id !== null) {
        newSlot.set(slot, slots.length);
        slots.push(slot);
      }
    });
    const postings: Record<string, number[]> = {};
    for (const [term, posting] of this.postings) {
      if (posting.df === 0) continue;
      const flat: number[] = [];
      for (let p = 0; p < posting.slots.length; p++) {
        const mapped = newSlot.get(posting.slots[p] as number);
        if (mapped !== undefined) flat.push(mapped, posting.tfs[p] as number);
      }
      postings[term] = flat;
    }
    return {
      version: 1,
      options: { ...this.options },
      ids: slots.map((slot) => this.ids[slot] as string),
      lengths: slots.map((slot) => this.lengths[slot] as number),
      postings,
    };
  }

  static fromJSON(json: KeywordIndexJson): KeywordIndex {
    if (json.version !== 1 || json.ids.length !== json.lengths.length) throw new Error('unsupported keyword index data');
    const index = new KeywordIndex(json.options);
    index.ids = [...json.ids];
    index.lengths = [...json.lengths];
    index.docPostings = json.ids.map(() => []);
    json.ids.forEach((id, slot) => index.slotOf.set(id, slot));
    index.live = json.ids.length;
    index.totalLength = json.lengths.reduce((a, b) => a + b, 0);
    for (const [term, flat] of Object.entries(json.postings)) {
      const posting: Posting = { slots: [], tfs: [], df: 0, dead: 0 };
      for (let p = 0; p + 1 < flat.length; p += 2) {
        const slot = flat[p] as number;
        posting.slots.push(slot);
        posting.tfs.push(flat[p + 1] as number);
        posting.df++;
        index.docPostings[slot]?.push(posting);
      }
      index.postings.set(term, posting);
    }
    return index;
  }

  private prepare(terms: readonly WeightedTerm[]): Prepared[] {
    const best = new Map<string, WeightedTerm>();
    for (const t of terms) {
      if (!(t.weight > 0)) continue;
      const previous = best.get(t.term);
      if (!previous || previous.weight < t.weight) best.set(t.term, t);
    }
    const byGroup = new Map<string, Prepared>();
    const unknownMass = new Map<string, number>();
    for (const t of best.values()) {
      const posting = this.postings.get(t.term);
      const df = posting?.df ?? 0;
      const key = t.group ?? `\u0000${t.term}`;
      let group = byGroup.get(key);
      if (!group) {
        group = { mass: 0, terms: [] };
        byGroup.set(key, group);
      }
      const weightedIdf = t.weight * idfOf(this.live, df);
      if (posting && df > 0) {
        group.terms.push({ posting, weightedIdf });
        if (weightedIdf > group.mass) group.mass = weightedIdf;
      } else if (t.weight >= 1 && !(t.group === undefined && CJK_TERM.test(t.term))) {
        // An unknown Chinese bigram is usually an artefact of cutting a phrase into bigrams
        // (要查, 前要), not a concept; Chinese concepts reach English text through the glossary.
        unknownMass.set(key, Math.max(unknownMass.get(key) ?? 0, weightedIdf));
      }
    }
    // A concept the user asked about that no item contains (no term of its group is indexed)
    // makes every item a worse match; one the corpus knows by any of its terms is measured by those.
    for (const [key, mass] of unknownMass) {
      const group = byGroup.get(key);
      if (group && group.terms.length === 0) group.mass = mass;
    }
    return [...byGroup.values()];
  }

  private topK(touched: number[], k: number, totalMass: number, s: Scratch, filter?: (id: string) => boolean): KeywordHit[] {
    // Min-heap of the best k slots; ties go to the smaller id so results are deterministic.
    const heap: number[] = [];
    const worse = (a: number, b: number) => {
      const sa = s.score[a] as number;
      const sb = s.score[b] as number;
      return sa < sb || (sa === sb && (this.ids[a] as string) > (this.ids[b] as string));
    };
    for (const slot of touched) {
      if (heap.length === k && !worse(heap[0] as number, slot)) continue;
      if (filter && !filter(this.ids[slot] as string)) continue;
      if (heap.length < k) {
        heap.push(slot);
        siftUp(heap, heap.length - 1, worse);
      } else {
        heap[0] = slot;
        siftDown(heap, 0, worse);
      }
    }
    heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
    return heap.map((slot) => ({
      id: this.ids[slot] as string,
      score: s.score[slot] as number,
      matchedWeight: Math.min(1, (s.matched[slot] as number) / totalMass),
    }));
  }

  private compactPosting(posting: Posting): void {
    const slots: number[] = [];
    const tfs: number[] = [];
    for (let p = 0; p < posting.slots.length; p++) {
      const slot = posting.slots[p] as number;
      if (this.ids[slot] === null) continue;
      slots.push(slot);
      tfs.push(posting.tfs[p] as number);
    }
    posting.slots = slots;
    posting.tfs = tfs;
    posting.dead = 0;
  }

  private compactSlots(): void {
    const json = this.toJSON();
    const fresh = KeywordIndex.fromJSON(json);
    this.postings.clear();
    for (const [term, posting] of fresh.postings) this.postings.set(term, posting);
    this.slotOf.clear();
    for (const [id, slot] of fresh.slotOf) this.slotOf.set(id, slot);
    this.ids = fresh.ids;
    this.lengths = fresh.lengths;
    this.docPostings = fresh.docPostings;
    this.scratch = null;
    this.norms = null;
  }

  private normalisers(): Float64Array {
    if (this.norms) return this.norms;
    const { k1, b } = this.options;
    const avgLength = this.totalLength / this.live || 1;
    const norms = new Float64Array(this.ids.length);
    for (let slot = 0; slot < norms.length; slot++) {
      if (this.ids[slot] === null) continue;
      // Never exactly 0, even for an empty document: 0 means "removed".
      norms[slot] = Math.max(1e-9, k1 * (1 - b + (b * (this.lengths[slot] as number)) / avgLength));
    }
    this.norms = norms;
    return norms;
  }

  private scratchFor(slots: number): Scratch {
    if (!this.scratch || this.scratch.score.length < slots) this.scratch = new Scratch(Math.max(slots, 1024) * 2);
    return this.scratch;
  }
}

/** Per-slot work arrays reused across searches; epochs avoid clearing them. */
class Scratch {
  epoch = 0;
  groupEpoch = 0;
  readonly score: Float64Array;
  readonly matched: Float64Array;
  readonly seen: Int32Array;
  readonly groupMax: Float64Array;
  readonly groupSum: Float64Array;
  readonly groupMass: Float64Array;
  readonly groupSeen: Int32Array;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.matched = new Float64Array(size);
    this.seen = new Int32Array(size);
    this.groupMax = new Float64Array(size);
    this.groupSum = new Float64Array(size);
    this.groupMass = new Float64Array(size);
    this.groupSeen = new Int32Array(size);
  }
}

function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function siftUp(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i] as number, heap[parent] as number)) break;
    [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
    if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
    i = m;
  }
}
