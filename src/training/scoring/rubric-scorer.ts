import type { ObjectionCategory } from '../../answering/reply.js';
import type { Language } from '../../knowledge/types.js';
import type { KnowledgeBase } from '../../retrieval/knowledge-base.js';
import { approvedChunks } from '../approved-material.js';
import type { DraftChecker } from '../draft-checker.js';
import type { TurnSignals } from '../roleplay/doctor.js';
import type { HandlerSection } from '../roleplay/handler-sections.js';
import type { Rubric, RubricLine } from '../rubric.js';
import type { AttemptOutcome, HandlerReference, LineScore, ScoredAttempt } from './attempt.js';
import { asksClarifyingQuestion, cueSet, echoes, hasCue } from './cues.js';
import { EvidenceMatcher } from './evidence-matcher.js';
import { type TurnAnalysis, type TurnContext, analyzeTurn } from './turn-analysis.js';

export interface ScoreRequest {
  /** Product slug. */
  product: string;
  category: ObjectionCategory;
  language: Language;
  /** What the rep said, turn by turn (a written answer is one turn). */
  turns: readonly string[];
  /** The approved handler section for the objection, when there is one. */
  handler?: HandlerSection;
}

export interface ScoringContext {
  kb: KnowledgeBase;
  checker: DraftChecker;
  today: Date;
}

/** Scores a rep's attempt against the rubric. */
export interface AttemptScorer {
  readonly rubric: Rubric;
  score(ctx: ScoringContext, request: ScoreRequest): Promise<ScoredAttempt>;
  /** One turn, for the doctor's reaction during a role-play. */
  analyze(ctx: ScoringContext, request: ScoreRequest, turn: number): Promise<TurnAnalysis>;
  /** What a turn did, in the rubric's terms (what the doctor reacts to). */
  signals(analysis: TurnAnalysis, handler: HandlerSection | undefined): TurnSignals;
}

const DEFAULT_STRONG = 0.6;
const DEFAULT_PARTIAL = 0.4;

/**
 * The offline scorer: cue words for acknowledging, clarifying and closing; word overlap with
 * approved sentences for evidence; the compliance grounding for figures; the compliance filter
 * on every turn. No model, no network, the same answer every time.
 * Limits: cue words catch the usual phrasings, not every one ("I get it" needs adding to the
 * rubric's cues); evidence is word overlap (see EvidenceMatcher).
 */
export function createRubricScorer(rubric: Rubric): AttemptScorer {
  const line = (check: RubricLine['check']) => rubric.lines.find((l) => l.check === check);
  const ack = cueSet(line('acknowledge'));
  const clarify = cueSet(line('clarify'));
  const close = cueSet(line('close'));
  const evidenceLine = line('evidence');
  const strong = evidenceLine?.strong ?? DEFAULT_STRONG;
  const partial = evidenceLine?.partial ?? DEFAULT_PARTIAL;
  const matchers = new WeakMap<KnowledgeBase, Map<string, EvidenceMatcher>>();

  function matcherFor(ctx: ScoringContext, product: string): EvidenceMatcher {
    const byProduct = matchers.get(ctx.kb) ?? new Map<string, EvidenceMatcher>();
    matchers.set(ctx.kb, byProduct);
    let matcher = byProduct.get(product);
    if (!matcher) {
      matcher = new EvidenceMatcher(approvedChunks(ctx.kb, product, ctx.today));
      byProduct.set(product, matcher);
    }
    return matcher;
  }

  function turnContext(ctx: ScoringContext, request: ScoreRequest): TurnContext {
    return { kb: ctx.kb, checker: ctx.checker, matcher: matcherFor(ctx, request.product), product: request.product, language: request.language, handler: request.handler, minOverlap: partial };
  }

  return {
    rubric,
    analyze: (ctx, request, turn) => analyzeTurn(turnContext(ctx, request), request.turns[turn - 1] ?? '', turn),
    signals(a, handler) {
      return {
        violated: a.violations.length > 0 || a.wrongFigures.length > 0,
        acknowledged: hasCue(a.text, ack) || echoes(a.text, handler?.acknowledge),
        askedQuestion: asksClarifyingQuestion(a.text, clarify, close),
        usedEvidence: a.evidence.some((e) => e.overlap >= strong),
        closed: hasCue(a.text, close) || echoes(a.text, handler?.close),
      };
    },
    async score(ctx, request) {
      const tc = turnContext(ctx, request);
      const turns = request.turns.filter((t) => t.trim() !== '');
      const analyses = await Promise.all(turns.map((t, i) => analyzeTurn(tc, t, i + 1)));
      const zh = request.language === 'zh';
      const lines: LineScore[] = rubric.lines.map((l) => {
        const { score, note, coaching } = scoreLine(l, turns, analyses, { ack, clarify, close, strong, zh, handler: request.handler });
        return { id: l.id, label: l.label[request.language], weight: l.weight, score, gate: l.gate, note, ...(coaching ? { coaching } : {}) };
      });
      const total = lines.reduce((s, l) => s + l.weight, 0);
      const rawScore = Math.round((100 * lines.reduce((s, l) => s + l.weight * l.score, 0)) / (total || 1));
      const gateFailed = lines.some((l) => l.gate && l.score < 1) || turns.length === 0;
      const outcome: AttemptOutcome = gateFailed ? 'fail' : rawScore >= rubric.passMark ? 'pass' : 'needs-work';
      return {
        rubricVersion: rubric.version,
        product: request.product,
        category: request.category,
        language: request.language,
        score: gateFailed ? 0 : rawScore,
        rawScore,
        outcome,
        lines,
        violations: analyses.flatMap((a) => a.violations),
        evidence: analyses.flatMap((a) => a.evidence.filter((e) => e.overlap >= partial)),
        wrongFigures: analyses.flatMap((a) => a.wrongFigures),
        handler: request.handler ? handlerReference(request.handler) : null,
      };
    },
  };
}

interface Cues {
  ack: ReturnType<typeof cueSet>;
  clarify: ReturnType<typeof cueSet>;
  close: ReturnType<typeof cueSet>;
  strong: number;
  zh: boolean;
  handler: HandlerSection | undefined;
}

function scoreLine(line: RubricLine, turns: readonly string[], analyses: readonly TurnAnalysis[], c: Cues): { score: number; note: string; coaching?: string } {
  const advice = c.zh ? line.advice.zh : line.advice.en;
  const t = (en: string, zh: string) => (c.zh ? zh : en);
  switch (line.check) {
    case 'acknowledge': {
      const at = turns.findIndex((x) => hasCue(x, c.ack) || echoes(x, c.handler?.acknowledge));
      if (at === 0) return { score: 1, note: t('You acknowledged the concern first.', '您首先认同了对方的顾虑。') };
      if (at > 0) {
        return {
          score: 0.5,
          note: t(`You acknowledged the concern only in turn ${at + 1}. ${advice}`, `您在第${at + 1}轮才认同对方的顾虑。${advice}`),
          coaching: t(`You acknowledged the concern, but not in your first reply. ${advice}`, `您认同了对方的顾虑，但不是在第一次回复中。${advice}`),
        };
      }
      return { score: 0, note: advice };
    }
    case 'clarify': {
      const asked = turns.some((x) => asksClarifyingQuestion(x, c.clarify, c.close));
      return asked ? { score: 1, note: t('You asked a clarifying question.', '您提出了澄清性问题。') } : { score: 0, note: advice };
    }
    case 'evidence': {
      const best = Math.max(0, ...analyses.flatMap((a) => a.evidence.map((e) => e.overlap)));
      const n = analyses.reduce((s, a) => s + a.evidence.filter((e) => e.overlap >= c.strong).length, 0);
      if (best >= c.strong) {
        return { score: 1, note: t(`${n} statement(s) matched approved material.`, `${n}处表述与已批准资料一致。`), coaching: t('Your statements matched the approved material.', '您的表述与已批准资料一致。') };
      }
      if (best > 0) return { score: 0.5, note: t(`Your statements are only loosely based on approved material. ${advice}`, `您的表述与已批准资料只部分一致。${advice}`) };
      return { score: 0, note: advice };
    }
    case 'accuracy': {
      const wrong = analyses.flatMap((a) => a.wrongFigures);
      if (wrong.length === 0) return { score: 1, note: t('No figure contradicts the approved material.', '没有与已批准资料不符的数字。') };
      return {
        score: 0,
        note: t(`Not in the approved material: ${wrong.map((w) => `"${w.figure}"`).join(', ')}. ${advice}`, `已批准资料中没有：${wrong.map((w) => `“${w.figure}”`).join('、')}。${advice}`),
        coaching: t(`A figure you used is not in the approved material (listed below). ${advice}`, `您使用的数字不在已批准资料中（见下文）。${advice}`),
      };
    }
    case 'compliance': {
      const v = analyses.flatMap((a) => a.violations);
      if (v.length === 0) return { score: 1, note: t('Every turn passed the compliance filter.', '每一轮都通过了合规检查。') };
      return {
        score: 0,
        note: v.map((x) => t(`Turn ${x.turn}: "${x.sentence}" — ${x.why}`, `第${x.turn}轮：“${x.sentence}”——${x.why}`)).join('\n'),
        coaching: t('What you said did not pass the compliance check: see what failed, and why, below.', '您的表述未通过合规检查：问题及原因见下文。'),
      };
    }
    case 'close': {
      const last = turns.length - 1;
      const closes = (x: string) => hasCue(x, c.close) || echoes(x, c.handler?.close);
      if (last >= 0 && closes(turns[last] ?? '')) return { score: 1, note: t('You closed with a next step.', '您以下一步行动收尾。') };
      if (turns.some(closes)) return { score: 0.5, note: t(`You proposed a next step, but not at the end. ${advice}`, `您提出了下一步，但不是在最后。${advice}`) };
      return { score: 0, note: advice };
    }
  }
}

function handlerReference(h: HandlerSection): HandlerReference {
  return {
    file: h.chunk.file,
    title: h.chunk.title,
    section: h.chunk.section,
    approvalCode: h.chunk.approvalCode,
    acknowledge: h.acknowledge,
    clarify: h.clarify,
    respond: h.respond,
    close: h.close,
  };
}
