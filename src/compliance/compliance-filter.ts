import { memoized } from '../core/memo.js';
import type { Language, ProductCard } from '../knowledge/types.js';
import { describeError } from '../core/errors.js';
import { detectLanguage } from '../text/language.js';
import { tokenize } from '../text/tokenize.js';
import type { CheckContext, CompileEnv } from './check-types.js';
import { type CheckedReply, createChecked } from './checked-reply.js';
import { type Flag, decide } from './decide.js';
import { foldPlain } from './fold.js';
import { type AnalyzedPassage, type GroundingSource, analyzePassage } from './grounding.js';
import type { GroundingPassage } from './types.js';
import { type ComplianceJudge, judgeVerdictSchema } from './judge.js';
import { compileMatcher } from './matcher.js';
import { type ComplianceOverrides, EMPTY_OVERRIDES } from './overrides.js';
import { type ProductProfile, buildProfiles, competitorNames, productFinder, resolveProduct } from './product-profile.js';
import { type CompiledRule, compileRule } from './rule-compiler.js';
import type { Rule, RulePack } from './rule-schema.js';
import { type Sentence, segmentDraft } from './segment.js';
import type { Category, CheckResult, Draft } from './types.js';

export interface ComplianceFilterOptions {
  packs: readonly RulePack[];
  overrides?: ComplianceOverrides;
  products?: readonly ProductCard[];
  /** Finds approved passages for sentences of drafts that cite none. Without it, such numbers are unsupported. */
  grounding?: GroundingSource;
  /** Decides the sentences rules mark uncertain. Without it, those are warnings. */
  judge?: ComplianceJudge;
  judgeTimeoutMs?: number;
  /** Only packs for these markets (pack `market`); all when absent. */
  markets?: readonly string[];
}

export interface ComplianceFilter {
  check(draft: Draft): Promise<CheckResult>;
  /**
   * Checks a draft and wraps what may be posted: the only way to get a `CheckedReply`. `seal`,
   * when given, sees the result before the reply exists (the audit log records it there) and
   * returns the payload the reply carries; if it throws, no reply is created (fail closed).
   */
  approve<T>(draft: Draft, payload: T, seal?: Seal<T>): Promise<CheckedReply<T>>;
  /** Ids of the rules in force. */
  readonly ruleIds: readonly string[];
}

/** Runs between the check and the minting of the reply: records the result, returns the final payload. */
export type Seal<T> = (result: Readonly<CheckResult>, payload: T) => T | Promise<T>;

const DEFAULT_JUDGE_TIMEOUT_MS = 10_000;
/** What an MLR-approved claim said verbatim may contain without the content rules objecting. */
const APPROVED_CLAIM_EXEMPT: ReadonlySet<Category> = new Set([
  'efficacy-overstatement', 'superlative', 'risk-minimisation', 'comparative', 'off-label', 'ungrounded-claim', 'endorsement',
]);
/**
 * What a verbatim quote of a passage the draft cites may contain as well: label text about
 * events seen in studies ("…reported in one patient (dizziness, headache)") is approved
 * language, not a report of a new event; a rep's or doctor's report is never a quote of one.
 */
const QUOTE_EXEMPT: ReadonlySet<Category> = new Set([...APPROVED_CLAIM_EXEMPT, 'adverse-event']);
const MIN_SUBSTANTIVE_TOKENS = 3;
const PASSAGE_CACHE_SIZE = 4096;
const DOSE = /\d\s*(?:mg|mcg|µg|毫克|微克)/;

function doseQuery(product: ProductProfile | null, s: Sentence): string {
  const name = product?.name ?? '';
  return s.hasCjk ? `${name} 最大推荐剂量 剂量范围 用法用量` : `${name} maximum recommended dose dosage range`;
}

export function createComplianceFilter(options: ComplianceFilterOptions): ComplianceFilter {
  const overrides = options.overrides ?? EMPTY_OVERRIDES;
  const profiles = buildProfiles(options.products ?? [], overrides);
  const packs = options.markets ? options.packs.filter((p) => options.markets?.includes(p.market)) : options.packs;
  const names = { competitors: competitorNames(profiles, overrides.competitors), products: profiles.flatMap((p) => p.names) };
  const env: CompileEnv = {
    names,
    nameTokens: new Set([...names.competitors, ...names.products].flatMap((n) => tokenize(n))),
    products: profiles,
    sets: Object.assign({}, ...options.packs.map((p) => p.sets)) as Record<string, string[]>,
  };
  const disabled = new Set(overrides.disabledRules.map((r) => r.id));
  const rules: CompiledRule[] = [
    ...packs.flatMap((pack) => pack.rules.filter((r) => !disabled.has(r.id)).map((r) => compileRule(r, pack.id, env))),
    ...bannedPhraseRules(overrides).map((r) => compileRule(r, 'overrides', env)),
  ];
  const boilerplate = compileMatcher(packs.flatMap((p) => p.boilerplate), undefined, env.names);
  const approvedClaims = overrides.approvedClaims.map((c) => bare(foldPlain(c.text)));
  const findProducts = productFinder(profiles);
  const timeoutMs = options.judgeTimeoutMs ?? DEFAULT_JUDGE_TIMEOUT_MS;
  const uncertainRules = new Set(rules.filter((r) => r.rule.uncertain).map((r) => r.rule.id));

  const contentTokens = (s: Sentence) => {
    const text = boilerplate ? s.folded.text.replace(boilerplate, ' ') : s.folded.text;
    return tokenize(text).filter((t) => !/^[\d.]+$/.test(t)).length;
  };

  function isApprovedClaim(s: Sentence): boolean {
    const text = bare(s.folded.text);
    return approvedClaims.some((c) => c !== '' && (c === text || (text.includes(c) && c.length >= 0.8 * text.length)));
  }

  // The same approved passages ground draft after draft: their sentences and figures are worked out once.
  const passageCache = new Map<string, AnalyzedPassage>();
  function analyzed(passage: GroundingPassage): AnalyzedPassage {
    const cached = passageCache.get(passage.id);
    if (cached && cached.passage.text === passage.text) return cached;
    if (passageCache.size >= PASSAGE_CACHE_SIZE) passageCache.clear();
    const fresh = analyzePassage(passage);
    passageCache.set(passage.id, fresh);
    return fresh;
  }

  async function supportFor(sentences: readonly Sentence[], draft: Draft, product: ProductProfile | null): Promise<AnalyzedPassage[][]> {
    if (draft.sources) {
      const cited = draft.sources.map(analyzed);
      return sentences.map(() => cited);
    }
    const source = draft.grounding ?? options.grounding;
    if (!source) return sentences.map(() => []);
    const scope = product ? { product: product.slug } : {};
    return Promise.all(
      sentences.map(async (s) => {
        if (contentTokens(s) === 0) return [];
        try {
          const found = await source.findSupport(s.text, scope);
          // A dose is judged against the label's dosing limits, which a search for the sentence may miss.
          if (DOSE.test(s.folded.text)) found.push(...(await source.findSupport(doseQuery(product, s), scope)));
          return [...new Map(found.map((p) => [p.id, p])).values()].map(analyzed);
        } catch {
          // Fail closed: without support, numbers and comparisons are unsupported and come out.
          return [];
        }
      }),
    );
  }

  async function judgeUncertain(flags: Flag[], draft: Draft, language: Language): Promise<Flag[]> {
    const uncertain = flags.filter((f) => uncertainRules.has(f.ruleId));
    if (uncertain.length === 0) return flags;
    const judge = options.judge;
    if (!judge) {
      return flags.map((f) => (uncertainRules.has(f.ruleId) ? { ...f, severity: 'warning', action: 'none' } : f));
    }
    const decisions = await Promise.all(
      uncertain.map(async (flag) => {
        try {
          const raw = await withTimeout(
            (signal) =>
              judge.judge(
                {
                  claim: flag.sentence.text,
                  draft: draft.text,
                  language,
                  ruleId: flag.ruleId,
                  category: flag.category,
                  reason: flag.message.en,
                },
                signal,
              ),
            timeoutMs,
          );
          const verdict = judgeVerdictSchema.safeParse(raw);
          if (!verdict.success) return held(flag, 'answer did not match the verdict schema');
          return verdict.data.violative ? flag : null;
        } catch (error) {
          return held(flag, describeError(error));
        }
      }),
    );
    const byFlag = new Map(uncertain.map((f, i) => [f, decisions[i]]));
    return flags.flatMap((f) => {
      if (!byFlag.has(f)) return [f];
      const decided = byFlag.get(f);
      return decided ? [decided] : [];
    });
  }

  async function check(draft: Draft): Promise<CheckResult> {
    const language = draft.language ?? detectLanguage(draft.text);
    const sentences = segmentDraft(draft.text);
    const mentioned = sentences.map((s) => findProducts(s.folded.text));
    const named = resolveProduct(draft.product, profiles);
    const all = [...new Set(mentioned.flat())];
    const product = named ?? (all.length === 1 ? (all[0] as ProductProfile) : null);
    const support = await supportFor(sentences, draft, product);
    const quoted = quotedSentences(sentences, draft);

    let flags: Flag[] = [];
    for (const s of sentences) {
      const exempt = quoted.has(s.index) ? QUOTE_EXEMPT : approvedClaims.length > 0 && isApprovedClaim(s) ? APPROVED_CLAIM_EXEMPT : null;
      const ctx: CheckContext = { product, mentioned: mentioned[s.index] ?? [], support: support[s.index] ?? [] };
      for (const compiled of rules) {
        const { rule } = compiled;
        if (!compiled.appliesTo(s) || exempt?.has(rule.category)) continue;
        for (const hit of compiled.run(s, ctx)) flags.push(flagOf(rule, s, hit));
      }
    }
    flags = await judgeUncertain(withoutRedactedNumbers(dedupe(flags)), draft, language);

    return decide({
      text: draft.text,
      language,
      sentences,
      flags,
      product,
      productsFor: (s) => {
        const here = mentioned[s.index] ?? [];
        return here.length > 0 ? here : product ? [product] : [];
      },
      isSubstantive: (s) => contentTokens(s) >= MIN_SUBSTANTIVE_TOKENS,
      weight: (s) => Math.max(1, contentTokens(s)),
    });
  }

  return {
    check,
    async approve<T>(draft: Draft, payload: T, seal?: Seal<T>): Promise<CheckedReply<T>> {
      const result = await check(draft);
      return createChecked(result, seal ? await seal(result, payload) : payload);
    },
    ruleIds: rules.map((r) => r.rule.id),
  };
}

function flagOf(rule: Rule, sentence: Sentence, hit: Flag['hit']): Flag {
  const flag: Flag = {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    action: rule.severity === 'warning' ? 'none' : rule.action,
    message: rule.message,
    regulation: rule.regulation,
    sentence,
    hit,
  };
  if (rule.routeTo) flag.routeTo = rule.routeTo;
  if (rule.kind === 'pii') flag.secret = true;
  return flag;
}

function held(flag: Flag, reason: string): Flag {
  return {
    ...flag,
    ruleId: 'JUDGE-UNAVAILABLE',
    severity: 'violation',
    action: 'block',
    message: {
      en: `held for review — the compliance review model gave no verdict (${reason}) on a possible ${flag.category} issue`,
      zh: `需人工审核——合规审核模型未对可能的“${flag.category}”问题给出结论（${reason}）`,
    },
  };
}

/** One flag per rule and place: a term listed twice, or two overlapping matches of one rule, is one finding. */
function dedupe(flags: Flag[]): Flag[] {
  const kept: Flag[] = [];
  for (const f of [...flags].sort((a, b) => b.hit.end - b.hit.start - (a.hit.end - a.hit.start))) {
    const same = kept.some((k) => k.ruleId === f.ruleId && k.sentence === f.sentence && k.hit.start < f.hit.end && f.hit.start < k.hit.end);
    if (!same) kept.push(f);
  }
  return kept.sort((a, b) => a.sentence.index - b.sentence.index || a.hit.start - b.hit.start);
}

/** A phone or ID number that is redacted is not also an unsupported figure. */
function withoutRedactedNumbers(flags: Flag[]): Flag[] {
  const redacted = flags.filter((f) => f.action === 'redact');
  if (redacted.length === 0) return flags;
  return flags.filter(
    (f) =>
      f.category !== 'ungrounded-claim' ||
      !redacted.some((r) => r.sentence === f.sentence && r.hit.start < f.hit.end && r.hit.end > f.hit.start),
  );
}

const MARKERS = /\s*\[\d{1,3}\](?:\s*\[\d{1,3}\])*/g;
const LEAD = /^[\s•\-*>]+|^\d{1,2}[.)]\s+/u;
const MIN_QUOTE_CHARS = 12;
/** A Chinese clause says as much in fewer characters ("儿童可以使用卡米拉吗" is 10). */
const MIN_QUOTE_CHARS_CJK = 8;

/**
 * Sentences of the draft that are verbatim quotes of a passage it cites: MLR-approved language,
 * exempt from the content rules as an approved claim is ("Safety and effectiveness in
 * pediatric patients have not been established") and from adverse-event routing (see
 * QUOTE_EXEMPT). PII and fair-balance rules still apply. A quote is at least a short clause,
 * compared after folding, with the citation markers and list bullets removed.
 */
function quotedSentences(sentences: readonly Sentence[], draft: Draft): Set<number> {
  const out = new Set<number>();
  if (!draft.sources || draft.sources.length === 0) return out;
  const passages = draft.sources.map((p) => squashedPassage(p.text));
  for (const s of sentences) {
    const text = quoteForm(s.folded.text);
    const min = s.hasCjk && !s.hasLatin ? MIN_QUOTE_CHARS_CJK : MIN_QUOTE_CHARS;
    if (text.length >= min && passages.some((p) => p.includes(text))) out.add(s.index);
  }
  return out;
}

// Cited passages and approved sentences come back draft after draft: each is brought to its
// comparable form once.
const squashedPassage = memoized((text: string) => squash(foldPlain(text)), 5_000);
const quoteForm = memoized((folded: string) => squash(bare(folded.replace(MARKERS, ' ').replace(LEAD, ''))), 20_000);

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bare(folded: string): string {
  return folded.replace(/[\s.。!！?？;；,，:："'“”‘’]+$/u, '').trim();
}

function bannedPhraseRules(overrides: ComplianceOverrides): Rule[] {
  return overrides.bannedPhrases.map(
    (b, i): Rule => ({
      id: b.id ?? `OVR-BANNED-${i + 1}`,
      kind: 'lexicon',
      category: b.category,
      lang: b.lang,
      severity: b.severity,
      action: b.action,
      terms: b.phrases,
      message: b.message ?? { en: 'a phrase the company does not allow', zh: '公司禁止使用的表述' },
      regulation: `company policy (${b.reason ?? 'compliance-overrides.yaml'})`,
      exceptionScope: 'clause',
      uncertain: false,
      allowIfGrounded: false,
      examples: { violating: b.phrases, compliant: ['-'] },
    }),
  );
}

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
