import { foldPlain } from '../../compliance/fold.js';
import { analyzePassage, analyzeSentence, passageOf, unsupportedNumbers } from '../../compliance/grounding.js';
import type { CheckResult, Finding, GroundingPassage } from '../../compliance/types.js';
import type { Language } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../retrieval/knowledge-base.js';
import { splitSentences } from '../../text/sentences.js';
import type { DraftChecker } from '../draft-checker.js';
import type { HandlerSection } from '../roleplay/handler-sections.js';
import type { EvidenceMatch, ViolationNote, WrongFigure } from './attempt.js';
import type { EvidenceMatcher } from './evidence-matcher.js';

/** What one rep turn did, as the rubric lines and the doctor's reaction need it. */
export interface TurnAnalysis {
  turn: number;
  text: string;
  compliance: CheckResult;
  /** The approved passages the turn was checked against (for the audit record). */
  passages: Array<{ chunkId: string; approvalCode: string }>;
  violations: ViolationNote[];
  evidence: EvidenceMatch[];
  wrongFigures: WrongFigure[];
}

export interface TurnContext {
  kb: KnowledgeBase;
  checker: DraftChecker;
  matcher: EvidenceMatcher;
  product: string;
  language: Language;
  handler: HandlerSection | undefined;
  /** Overlap at which a sentence half counts as evidence (the rubric's `partial`). */
  minOverlap: number;
}

const PASSAGES = 8;
/** Consequences of other findings, not findings of their own. */
const DERIVED = /^FILTER-/;

/**
 * Runs the compliance filter on one rep turn (grounded against the approved passages a search
 * for the turn finds, plus the handler section), checks its figures and matches its statements
 * to approved sentences.
 */
export async function analyzeTurn(ctx: TurnContext, text: string, turn: number): Promise<TurnAnalysis> {
  const hits = await ctx.kb.search(text, { product: ctx.product, k: PASSAGES });
  const passages: GroundingPassage[] = hits.map(({ chunk }) => passageOf(chunk));
  if (ctx.handler && !passages.some((p) => p.id === ctx.handler?.chunk.id)) {
    const c = ctx.handler.chunk;
    passages.push(passageOf(c));
  }
  const compliance = await ctx.checker.check({ text, language: ctx.language, product: ctx.product, sources: passages });
  const sentences = splitSentences(text);
  const violations = violationNotes(compliance.findings, text, sentences, turn);
  const analyzed = passages.map(analyzePassage);
  const wrongFigures: WrongFigure[] = [];
  for (const sentence of sentences) {
    for (const n of unsupportedNumbers(analyzeSentence(foldPlain(sentence)), analyzed)) wrongFigures.push({ turn, sentence: sentence.trim(), figure: n.text });
  }
  const flagged = new Set([...violations.map((v) => v.sentence), ...wrongFigures.map((w) => w.sentence)]);
  const evidence = ctx.matcher.match(text, turn, ctx.minOverlap).filter((e) => !flagged.has(e.sentence));
  return { turn, text, compliance, passages: passages.map((p) => ({ chunkId: p.id, approvalCode: p.approvalCode })), violations, evidence, wrongFigures };
}

function violationNotes(findings: readonly Finding[], text: string, sentences: readonly string[], turn: number): ViolationNote[] {
  const violations = findings.filter((f) => f.severity === 'violation');
  const own = violations.filter((f) => !DERIVED.test(f.ruleId));
  const notes = (own.length > 0 ? own : violations).map((f) => ({
    turn,
    sentence: sentenceAt(text, sentences, f),
    ruleId: f.ruleId,
    category: f.category,
    why: f.message,
  }));
  return notes.filter((n, i) => notes.findIndex((m) => m.ruleId === n.ruleId && m.sentence === n.sentence) === i);
}

/** The sentence of the turn a finding points at (the whole turn when it has no position). */
function sentenceAt(text: string, sentences: readonly string[], f: Finding): string {
  if (f.start === undefined) return f.match && f.match.length < 200 ? f.match : text.trim();
  let from = 0;
  for (const s of sentences) {
    const at = text.indexOf(s, from);
    if (at < 0) continue;
    if (f.start >= at && f.start < at + s.length) return s.trim();
    from = at + s.length;
  }
  return text.trim();
}
