import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Clock, isoDate } from '../core/clock.js';
import { RepbotError, describeError } from '../core/errors.js';
import type { EmbeddingCache } from '../retrieval/embedding-cache.js';
import type { EmbeddingModel } from '../retrieval/embeddings/embedding-model.js';
import {
  type IndexChange,
  type IndexDelta,
  type IndexStore,
  type IndexedFile,
  type LoadedIndex,
  type Manifest,
  MANIFEST_VERSION,
  applyChange,
} from '../retrieval/index-store.js';
import { KeywordIndex } from '../retrieval/keyword-index.js';
import { encodeVector } from '../retrieval/vector-codec.js';
import { VectorIndex } from '../retrieval/vector-index.js';
import { CHUNKER_VERSION, chunkPassages } from './chunker.js';
import { checkFile } from './file-checks.js';
import { loaderFor } from './loaders/index.js';
import { parseDocumentMeta } from './metadata-schema.js';
import { readSidecar } from './read-sidecar.js';
import { type ScannedFile, scanKnowledge } from './scan.js';
import type { Chunk, DocumentMeta, SkipKind, SkippedFile } from './types.js';
import { embeddingText } from './embedding-text.js';

export interface IngestReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: SkippedFile[];
  chunks: number;
  ms: number;
  /** Files whose content was parsed and embedded in this run (not served from the cache). */
  embeddedFiles: string[];
  /** Set when the whole index was rebuilt, and why. */
  rebuilt: string | null;
  generation: string | null;
  /** The index now current, to serve queries without reading it back from disk. */
  index: LoadedIndex | null;
}

export interface IngestDeps {
  knowledgeDir: string;
  store: IndexStore;
  cache: EmbeddingCache;
  embeddings: EmbeddingModel;
  clock: Clock;
  maxFileBytes: number;
  searchEf: number;
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
}

interface Prepared {
  meta: DocumentMeta;
  chunks: Chunk[];
  vectors: number[][];
  pages: number | null;
  skippedPassages: number;
  fromCache: boolean;
}

const EMBED_BATCH = 256;

/**
 * Brings the index in line with the knowledge folder. Only files whose bytes (or sidecar)
 * changed are parsed and embedded; approval and expiry are checked for every file on every run.
 * The new index becomes visible in one atomic step, or not at all.
 */
export async function ingestKnowledge(deps: IngestDeps, options: { rebuild?: boolean } = {}): Promise<IngestReport> {
  const started = performance.now();
  await assertDirectory(deps.knowledgeDir);
  const release = await deps.store.acquireLock();
  try {
    return await runIngest(deps, options, started);
  } finally {
    await release();
  }
}

async function runIngest(deps: IngestDeps, options: { rebuild?: boolean }, started: number): Promise<IngestReport> {
  const today = isoDate(deps.clock.now());
  let rebuilt: string | null = options.rebuild ? 'requested with --rebuild' : null;
  let previous = options.rebuild ? null : await readPreviousManifest(deps);
  if (previous && previous.embeddingModelId !== deps.embeddings.modelId) {
    rebuilt = `embedding model changed from ${previous.embeddingModelId} to ${deps.embeddings.modelId}`;
    previous = null;
  }
  if (!previous && !rebuilt) rebuilt = 'no index yet';

  const scan = await scanKnowledge(deps.knowledgeDir);
  const skipped: SkippedFile[] = scan.misplaced.map((m) => ({ ...m, kind: 'invalid' as const }));
  const files: Record<string, IndexedFile> = {};
  const previousFiles = previous?.files ?? {};
  const delta: IndexChange = { removed: [], added: [] };
  let nextLabel = previous?.nextLabel ?? 0;
  let dimensions = previous?.dimensions ?? 0;
  const report = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  const embeddedFiles: string[] = [];

  for (const [i, doc] of scan.documents.entries()) {
    deps.onProgress?.({ done: i, total: scan.documents.length, file: doc.relPath });
    const before = previousFiles[doc.relPath];
    const read = await readDocument(doc);
    if (!read.ok) {
      skipped.push({ file: doc.relPath, reason: read.error, kind: 'invalid' });
      if (before) {
        delta.removed.push(...before.labels);
        report.removed++;
      }
      continue;
    }
    if (before && before.hash === read.hash) {
      const gate = gateReason(before.meta, today);
      if (gate) {
        skipped.push({ file: doc.relPath, reason: gate.reason, kind: gate.kind });
        delta.removed.push(...before.labels);
        report.removed++;
      } else {
        files[doc.relPath] = before;
        report.unchanged++;
      }
      continue;
    }
    if (before) delta.removed.push(...before.labels);
    const prepared = await prepareFile(deps, doc, read.bytes, read.hash, today);
    if (!prepared.ok) {
      skipped.push({ file: doc.relPath, reason: withoutFilePrefix(prepared.error, doc.relPath), kind: prepared.kind });
      if (before) report.removed++;
      continue;
    }
    const { value } = prepared;
    if (!value.fromCache) embeddedFiles.push(doc.relPath);
    if (value.chunks.length === 0) {
      skipped.push({
        file: doc.relPath,
        reason: 'no approved text to index (every passage is unapproved, expired or empty)',
        kind: 'no-approval',
      });
      if (before) report.removed++;
      continue;
    }
    if (value.skippedPassages > 0) {
      skipped.push({
        file: doc.relPath,
        reason: `${value.skippedPassages} item(s) not indexed: not approved or expired (the rest of the file is indexed)`,
      });
    }
    const labels = value.chunks.map(() => nextLabel++);
    dimensions ||= value.vectors[0]?.length ?? 0;
    delta.added.push({ labels, chunks: value.chunks, vectors: value.vectors });
    files[doc.relPath] = { hash: read.hash, meta: value.meta, labels, pages: value.pages };
    if (before) report.updated++;
    else report.added++;
  }
  deps.onProgress?.({ done: scan.documents.length, total: scan.documents.length, file: '' });

  const present = new Set(scan.documents.map((d) => d.relPath));
  for (const [file, entry] of Object.entries(previousFiles)) {
    if (present.has(file)) continue;
    delta.removed.push(...entry.labels);
    report.removed++;
  }

  const chunks = Object.values(files).reduce((n, f) => n + f.labels.length, 0);
  const changed = delta.removed.length > 0 || delta.added.length > 0;
  const sameSkips = JSON.stringify(skipped) === JSON.stringify(previous?.skipped ?? []);
  let generation: string | null = null;
  let index: LoadedIndex | null = null;
  if (changed || !sameSkips || !previous) {
    dimensions ||= (await deps.embeddings.embedQuery('repbot')).length;
    const manifest = {
      formatVersion: MANIFEST_VERSION,
      embeddingModelId: deps.embeddings.modelId,
      dimensions,
      createdAt: new Date().toISOString(),
      files,
      skipped,
      lastIngest: { at: new Date().toISOString(), ...report, ms: Math.round(performance.now() - started) },
      nextLabel,
    };
    const size = delta.removed.length + delta.added.reduce((n, a) => n + a.labels.length, 0);
    if (previous && !needsCompaction(previous, size, chunks)) {
      generation = await deps.store.commitDelta(encodeDelta(delta), manifest, previous);
    } else {
      const loaded = previous ? await deps.store.load(deps.embeddings, deps.searchEf) : null;
      const vectors = loaded?.vectors ?? VectorIndex.create(deps.embeddings, dimensions, deps.searchEf);
      const keyword = loaded?.keyword ?? new KeywordIndex();
      applyChange(vectors, keyword, delta);
      generation = await deps.store.commitFull(vectors, keyword, manifest);
      index = { generation, manifest: { ...manifest, layout: { base: generation, deltas: [], deltaChunks: 0 } }, vectors, keyword };
    }
    await deps.cache.prune(new Set(Object.values(files).map((f) => f.hash)));
  }
  return { ...report, skipped, chunks, ms: Math.round(performance.now() - started), embeddedFiles, rebuilt, generation, index };
}

/** Small updates are written as deltas; once they add up, one full snapshot replaces them. */
function needsCompaction(previous: Manifest, size: number, liveChunks: number): boolean {
  const total = previous.layout.deltaChunks + size;
  return previous.layout.deltas.length >= MAX_DELTAS || total > Math.max(MIN_COMPACTION_CHUNKS, liveChunks * 0.1);
}

const MAX_DELTAS = 16;
const MIN_COMPACTION_CHUNKS = 1000;

function encodeDelta(change: IndexChange): IndexDelta {
  return {
    removed: change.removed,
    added: change.added.flatMap(({ labels, chunks, vectors }) =>
      labels.map((label, i) => ({ label, chunk: chunks[i] as Chunk, vector: encodeVector(vectors[i] ?? []) })),
    ),
  };
}

async function readPreviousManifest(deps: IngestDeps): Promise<Manifest | null> {
  try {
    return await deps.store.readManifest();
  } catch (error) {
    if (error instanceof RepbotError && error.code === 'INDEX_CORRUPT') return null;
    throw error;
  }
}

type Read = { ok: true; bytes: Buffer; hash: string } | { ok: false; error: string };

async function readDocument(doc: ScannedFile): Promise<Read> {
  try {
    const bytes = await fs.readFile(doc.absPath);
    const hash = createHash('sha256').update(CHUNKER_VERSION).update('\0').update(bytes);
    if (doc.sidecarPath) hash.update('\0sidecar\0').update(await fs.readFile(doc.sidecarPath));
    return { ok: true, bytes, hash: hash.digest('hex') };
  } catch (error) {
    return { ok: false, error: `cannot be read (${describeError(error)}) — check the file's permissions` };
  }
}

export interface Gate {
  kind: SkipKind;
  reason: string;
}

/** Why material must not be indexed or cited today, or null when it may be. */
export function gateReason(meta: Pick<DocumentMeta, 'status' | 'expiresOn' | 'approvalCode'>, today: string): Gate | null {
  if (!meta.approvalCode) {
    return { kind: 'no-approval', reason: 'no approval code — add approvalCode (e.g. MLR-2025-0142) once the document is approved' };
  }
  if (meta.status === 'draft') {
    return { kind: 'draft', reason: 'status is draft — only approved material is indexed; set status: approved once MLR approval is granted' };
  }
  if (meta.status === 'withdrawn') {
    return { kind: 'withdrawn', reason: 'status is withdrawn — withdrawn material is never cited; delete the file when it is no longer needed' };
  }
  if (meta.expiresOn && meta.expiresOn < today) {
    return { kind: 'expired', reason: `approval expired on ${meta.expiresOn} — renew it and update expiresOn, or remove the file` };
  }
  return null;
}

type Prepare = { ok: true; value: Prepared } | { ok: false; error: string; kind: SkipKind };

async function prepareFile(
  deps: IngestDeps,
  doc: ScannedFile,
  bytes: Buffer,
  hash: string,
  today: string,
): Promise<Prepare> {
  const input = { relPath: doc.relPath, absPath: doc.absPath, bytes };
  const loader = loaderFor(doc.relPath);
  if (!loader) {
    return {
      ok: false,
      kind: 'invalid',
      error: `unsupported file type "${path.extname(doc.relPath) || '(none)'}" — use PDF, Markdown, TXT, DOCX, HTML or faq.yaml`,
    };
  }
  const problem = checkFile(input, { maxBytes: deps.maxFileBytes });
  if (problem) return { ok: false, kind: 'invalid', error: problem };

  const cached = await deps.cache.get(hash);
  if (cached && cached.chunks.length > 0) {
    const meta = cached.meta;
    const gate = gateReason(meta, today);
    if (gate) return { ok: false, kind: gate.kind, error: gate.reason };
    const live = cached.chunks.map((c, i) => ({ c, v: cached.vectors[i] ?? [] })).filter(({ c }) => !gateReason(c, today));
    return {
      ok: true,
      value: {
        meta,
        chunks: live.map((x) => x.c),
        vectors: live.map((x) => x.v),
        pages: cached.pages,
        skippedPassages: 0,
        fromCache: true,
      },
    };
  }

  let loaded;
  try {
    loaded = await loader.load(input);
  } catch (error) {
    return { ok: false, kind: 'invalid', error: `could not be read (${describeError(error)}) — check the file opens normally` };
  }
  if (!loaded.ok) return { ok: false, kind: 'invalid', error: loaded.error };

  let rawMeta: Record<string, unknown> | null = loaded.value.frontMatter;
  if (doc.sidecarPath) {
    const sidecar = await readSidecar(doc.absPath);
    if (!sidecar.ok) return { ok: false, kind: 'invalid', error: sidecar.error };
    rawMeta = { ...(rawMeta ?? {}), ...(sidecar.value ?? {}) };
  }
  if (!rawMeta || Object.keys(rawMeta).length === 0) {
    const how = doc.relPath.endsWith('.md')
      ? 'add YAML front matter'
      : `add a sidecar file ${path.basename(doc.relPath)}.meta.yaml`;
    return { ok: false, kind: 'no-approval', error: `no approval metadata — ${how} with title, docType, approvalCode, status, approvedOn and expiresOn` };
  }
  const meta = parseDocumentMeta(rawMeta, { file: doc.relPath, productFolder: doc.productFolder });
  if (!meta.ok) return { ok: false, kind: meta.error.includes('"approvalCode"') ? 'no-approval' : 'invalid', error: meta.error };
  const gate = gateReason(meta.value, today);
  if (gate) return { ok: false, kind: gate.kind, error: gate.reason };

  const all = chunkPassages(doc.relPath, loaded.value.passages, meta.value);
  const chunks = all.filter((c) => !gateReason(c, today));
  const skippedPassages = new Set(all.filter((c) => gateReason(c, today)).map((c) => c.section)).size;
  const vectors: number[][] = [];
  try {
    for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
      vectors.push(...(await deps.embeddings.embedDocuments(chunks.slice(i, i + EMBED_BATCH).map(embeddingText))));
    }
  } catch (error) {
    throw new RepbotError('EMBEDDING_FAILED', `Embedding ${doc.relPath} failed: ${describeError(error)}`, {
      cause: error,
      hint: 'Check the embedding provider settings (REPBOT_EMBEDDINGS) or use the offline default REPBOT_EMBEDDINGS=local.',
    });
  }
  // Files with unapproved items are not cached: those items must be re-read once approved.
  if (skippedPassages === 0) await deps.cache.put(hash, { meta: meta.value, pages: pageCount(all), chunks, vectors });
  return {
    ok: true,
    value: { meta: meta.value, chunks, vectors, pages: pageCount(all), skippedPassages, fromCache: false },
  };
}

/** Validation messages start with the file name; the skipped entry names it already. */
function withoutFilePrefix(reason: string, file: string): string {
  return reason.startsWith(`${file}: `) ? reason.slice(file.length + 2) : reason;
}

function pageCount(chunks: Chunk[]): number | null {
  const pages = chunks.map((c) => c.page).filter((p): p is number => p !== null);
  return pages.length > 0 ? Math.max(...pages) : null;
}

async function assertDirectory(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) {
    throw new RepbotError('KNOWLEDGE_DIR_MISSING', `The knowledge folder ${dir} does not exist.`, {
      hint: 'Pass --knowledge DIR or set KNOWLEDGE_DIR to the folder that holds the approved material.',
    });
  }
}
