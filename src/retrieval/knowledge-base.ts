import { type Clock, isoDate } from '../core/clock.js';
import type { Audience, Chunk, ProductCard } from '../knowledge/types.js';
import { detectLanguage } from '../text/language.js';
import { DayMemo, memoized } from '../core/memo.js';
import { tokenize } from '../text/tokenize.js';
import type { EmbeddingModel } from './embeddings/embedding-model.js';
import { HashedNgramEmbeddings } from './embeddings/hashed-ngram-embeddings.js';
import { fuseRankings } from './fusion.js';
import { type Glossary, expandQuery } from './glossary.js';
import type { LoadedIndex } from './index-store.js';
import { KeywordIndex, type KeywordMask } from './keyword-index.js';
import { queryTerms } from './query-terms.js';
import type { WeightedTerm } from './weighted-term.js';
import { findProductMentions } from './product-matcher.js';
import { understoodShare } from './understood-share.js';
import type { ChunkMetadata } from './vector-index.js';

export interface SearchOptions {
  k?: number;
  /** Restrict to one product (slug, name or alias). */
  product?: string;
  /** Only material for these audiences (e.g. external channels get `hcp` only). */
  audiences?: Audience[];
  /** Which rankings to use; `hybrid` (default) fuses both. The others exist for evaluation. */
  mode?: 'hybrid' | 'vector' | 'keyword';
  /** The query's `analyze(query, { product })`, when the caller has it already. */
  analysis?: QueryAnalysis;
}

export interface SearchHit {
  chunk: Chunk;
  label: number;
  /** Fused score scaled to 0..1 (1 = ranked first by both methods). */
  score: number;
  vectorSimilarity: number | null;
  /** Share of the question's weighted terms found in the chunk (0..1). */
  keywordCoverage: number;
}

export interface QueryAnalysis {
  language: 'en' | 'zh';
  /** Product slugs the question names (or the --product option): results are limited to them. */
  products: string[];
  /** Keyword-index tokens, weighted, grouped by concept. */
  terms: WeightedTerm[];
  /** Glossary and alias expansions as words or phrases, for the vector query. */
  expansions: WeightedTerm[];
  /** Share of a Chinese question's content that the glossary, product names or the index know (1 for English). */
  understood: number;
  /**
   * Glossary groups the question asks in words the index ignores: "what is Calmira for?" asks
   * the indication group's "what is it for", which leaves no keyword token of its own.
   */
  askedPhrases: string[];
}

export interface RetrievalTuning {
  /** Candidates taken from each method before fusion. */
  candidates: number;
  rrfK: number;
  /** Weight of the vector ranking in the fusion (keyword ranking: 1). */
  vectorWeight: number;
  /** A hit must reach one of these to count as relevant. */
  minCoverage: number;
  minSimilarity: number;
  /** The coverage needed when the question names a product: the topic is known to be on-label. */
  minCoverageNamedProduct: number;
  /** Chinese questions whose content is mostly unknown words are not about the material. */
  minUnderstood: number;
}

export const DEFAULT_TUNING: RetrievalTuning = {
  candidates: 40,
  rrfK: 60,
  vectorWeight: 0.5,
  minCoverage: 0.6,
  minSimilarity: 0.3,
  minCoverageNamedProduct: 0.15,
  minUnderstood: 0.6,
};

/**
 * The searchable snapshot of the approved knowledge: vectors (hnswlib), a keyword index built
 * from the same chunks, the product catalog and the glossary. Immutable once built; a re-index
 * builds a new snapshot and swaps it in, so queries never see a half-updated index.
 * Approval status and expiry are checked on every query against the clock.
 */
export class KnowledgeBase {
  private readonly keyword: KeywordIndex;
  /** Per-product normalised vectors for exact search, built on first use. */
  private readonly matrices = new Map<string, { labels: number[]; columns: Float32Array }>();
  /** The keyword items a filter (day, products, audiences) accepts, worked out on first use. */
  private readonly accepted = new DayMemo<KeywordMask>(32);
  /** Each product's names, one group per product (the same array every time, so the glossary keeps its matcher). */
  private aliasGroupsCache: string[][] | null = null;
  /** Every product name and alias, for `understoodShare`. */
  private namesCache: string[] | null = null;
  /** The tokens of the named products' names, by product set: they no longer tell passages apart. */
  private readonly namedTokens = new Map<string, ReadonlySet<string>>();
  /** `standingSearch` results of the day, by query and options. */
  private readonly standing = new DayMemo<Promise<SearchHit[]>>(256);
  /** Tokens of expansion terms (glossary and product names). */
  private readonly tokensOf = memoized(tokenize, 20_000);

  constructor(
    readonly index: LoadedIndex | null,
    readonly products: ProductCard[],
    private readonly glossary: Glossary,
    private readonly embeddings: EmbeddingModel,
    private readonly clock: Clock,
    private readonly tuning: RetrievalTuning = DEFAULT_TUNING,
  ) {
    this.keyword = index?.keyword ?? new KeywordIndex();
  }

  get chunkCount(): number {
    return this.index?.vectors.size ?? 0;
  }

  private namedTokensOf(products: readonly string[]): ReadonlySet<string> {
    const key = products.join('\n');
    let named = this.namedTokens.get(key);
    if (!named) {
      named = new Set(this.products.filter((p) => products.includes(p.slug)).flatMap((p) => [p.name, p.slug, ...p.aliases].flatMap(tokenize)));
      this.namedTokens.set(key, named);
    }
    return named;
  }

  analyze(query: string, options: SearchOptions = {}): QueryAnalysis {
    const language = detectLanguage(query);
    const products = options.product
      ? this.resolveProducts(options.product)
      : findProductMentions(query, this.products).map((m) => m.slug);
    this.aliasGroupsCache ??= this.products.map((p) => [p.name, ...p.aliases]);
    const aliasGroups = this.aliasGroupsCache;
    const expansion = expandQuery(query, this.glossary, aliasGroups);
    const named = this.namedTokensOf(products);
    const terms = queryTerms(expansion).filter((t) => !named.has(t.term));
    const expansions = expansion.expansions.filter((t) => !this.tokensOf(t.term).every((token) => named.has(token)));
    this.namesCache ??= this.products.flatMap((p) => [p.name, ...p.aliases]);
    const names = this.namesCache;
    const understood = understoodShare(
      expansion.text,
      [...expansion.matches.map((m) => m.text), ...names],
      (bigram) => this.keyword.documentFrequency(bigram) > 0,
    );
    const askedPhrases = expansion.matches.filter((m) => /^g\d/.test(m.group) && tokenize(m.text).length === 0).map((m) => m.group);
    return { language, products, terms, expansions, understood, askedPhrases };
  }

  /**
   * `search` for a query the code itself asks again and again (the label-fact lookups of every
   * dose question), remembered for the day: approval and expiry are checked by date. A rep's
   * question is not remembered: use `search`.
   */
  async standingSearch(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const key = [query, options.k ?? '', options.product ?? '', options.audiences ? [...options.audiences].sort().join(',') : '*', options.mode ?? ''].join('|');
    return this.standing.get(isoDate(this.clock.now()), key, () => {
      const hits = this.search(query, options);
      // A failed search is not remembered.
      hits.catch(() => this.standing.delete(key));
      return hits;
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const k = options.k ?? 5;
    if (!this.index || query.trim() === '') return [];
    const analysis = options.analysis ?? this.analyze(query, options);
    if (options.product && analysis.products.length === 0) return [];
    if (analysis.terms.length === 0 || analysis.understood < this.tuning.minUnderstood) return [];
    const accept = this.acceptor(analysis.products, options.audiences);
    const vectors = this.index.vectors;

    const mode = options.mode ?? 'hybrid';
    // A named product keeps a small share of a large index: the keyword ranking asks about most
    // chunks, so their acceptance is worked out once per snapshot (and day), not per search.
    const keywordHits = this.keyword.search(analysis.terms, this.tuning.candidates, this.acceptedMask(analysis.products, options.audiences));
    let vectorHits: Array<{ label: number; similarity: number }> = [];
    if (mode !== 'keyword') {
      const queryVector = await this.queryVector(query, analysis);
      vectorHits =
        analysis.products.length > 0
          ? this.exactSearch(analysis.products, queryVector, this.tuning.candidates, accept)
          : vectors.search(queryVector, this.tuning.candidates, accept);
    }

    const coverage = new Map(keywordHits.map((h) => [h.id, h.matchedWeight]));
    const similarity = new Map(vectorHits.map((h) => [String(h.label), h.similarity]));
    const rankings = [
      ...(mode === 'vector' ? [] : [keywordHits]),
      ...(mode === 'keyword' ? [] : [vectorHits.map((h) => ({ id: String(h.label) }))]),
    ];
    const weights = [...(mode === 'vector' ? [] : [1]), ...(mode === 'keyword' ? [] : [this.tuning.vectorWeight])];
    const fused = fuseRankings(rankings, { k: this.tuning.rrfK, weights });
    const best = weights.reduce((a, b) => a + b, 0) / (this.tuning.rrfK + 1);
    const hits: SearchHit[] = [];
    const minCoverage = analysis.products.length > 0 ? this.tuning.minCoverageNamedProduct : this.tuning.minCoverage;
    for (const { id, score } of fused) {
      const cov = coverage.get(id) ?? 0;
      const sim = similarity.get(id) ?? null;
      if (cov < minCoverage && (sim ?? 0) < this.tuning.minSimilarity) continue;
      const chunk = vectors.chunk(Number(id));
      if (!chunk) continue;
      hits.push({ chunk, label: Number(id), score: Math.min(1, score / best), vectorSimilarity: sim, keywordCoverage: cov });
      if (hits.length >= k) break;
    }
    return hits;
  }

  /**
   * Exact cosine search over one product's chunks. A product filter keeps a small share of a
   * large index, where HNSW's filtered search has to walk most of the graph to find enough
   * matches; a scan of the product's few hundred vectors is faster and exact.
   */
  private exactSearch(
    products: string[],
    query: number[],
    k: number,
    accept: (meta: ChunkMetadata) => boolean,
  ): Array<{ label: number; similarity: number }> {
    const { labels, columns } = this.productMatrix(products);
    const n = labels.length;
    // Only the query's non-zero dimensions add to a dot product: a hashed n-gram query sets a
    // few dozen of 1,024, so the scan reads those columns only (each a contiguous run).
    let norm = 0;
    for (const x of query) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    const scores = new Float64Array(n);
    for (let d = 0; d < query.length; d++) {
      const w = query[d] as number;
      if (w === 0) continue;
      const base = d * n;
      for (let i = 0; i < n; i++) scores[i] = (scores[i] as number) + (columns[base + i] as number) * w;
    }
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
    const out: Array<{ label: number; similarity: number }> = [];
    for (const i of order) {
      const label = labels[i] as number;
      const meta = this.index?.vectors.metadata(label);
      if (meta && accept(meta)) out.push({ label, similarity: (scores[i] as number) / norm });
      if (out.length >= k) break;
    }
    return out;
  }

  /** The unit vectors of the products' chunks (and shared material's), column by column: dimension d of chunk i at d × count + i. */
  private productMatrix(products: string[]): { labels: number[]; columns: Float32Array } {
    const key = [...products].sort().join('\u0000');
    const cached = this.matrices.get(key);
    if (cached) return cached;
    const vectors = this.index?.vectors;
    const wanted = new Set([...products, '_shared']);
    const labels = [...(vectors?.metadataEntries() ?? [])].filter(({ meta }) => wanted.has(meta.product)).map(({ label }) => label);
    const dimensions = vectors?.dimensions ?? 0;
    const n = labels.length;
    const columns = new Float32Array(n * dimensions);
    labels.forEach((label, i) => {
      const v = vectors?.vector(label) ?? [];
      let norm = 0;
      for (const x of v) norm += x * x;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimensions; d++) columns[d * n + i] = (v[d] ?? 0) / norm;
    });
    const entry = { labels, columns };
    this.matrices.set(key, entry);
    return entry;
  }

  /** The keyword items whose chunks `acceptor` accepts (the same for a snapshot all day). */
  private acceptedMask(products: string[], audiences: Audience[] | undefined): KeywordMask {
    const today = isoDate(this.clock.now());
    const key = [[...products].sort().join('\u0000'), audiences ? [...audiences].sort().join('\u0000') : '*'].join('|');
    return this.accepted.get(today, key, () => {
      const accept = this.acceptor(products, audiences, today);
      const ids = new Set<string>();
      for (const { label, meta } of this.index?.vectors.metadataEntries() ?? []) if (accept(meta)) ids.add(String(label));
      return this.keyword.mask((id) => ids.has(id));
    });
  }

  /** Approved, unexpired today, in the named products (and shared material), for the audience. */
  private acceptor(products: string[], audiences: Audience[] | undefined, today = isoDate(this.clock.now())): (meta: ChunkMetadata) => boolean {
    const productSet = products.length > 0 ? new Set([...products, '_shared']) : null;
    return (meta) =>
      meta.status === 'approved' &&
      (meta.expiresOn === null || meta.expiresOn >= today) &&
      (productSet === null || productSet.has(meta.product)) &&
      (audiences === undefined || audiences.includes(meta.audience));
  }

  private resolveProducts(name: string): string[] {
    const wanted = name.trim().toLowerCase();
    return this.products
      .filter((p) => [p.slug, p.name, ...p.aliases].some((n) => n.toLowerCase() === wanted))
      .map((p) => p.slug);
  }

  private async queryVector(query: string, analysis: QueryAnalysis): Promise<number[]> {
    const { expansions } = analysis;
    if (this.embeddings instanceof HashedNgramEmbeddings) {
      return this.embeddings.embedWeightedQuery([{ term: query, weight: 1 }, ...expansions]);
    }
    return this.embeddings.embedQuery([query, ...expansions.map((t) => t.term)].join(' '));
  }
}
