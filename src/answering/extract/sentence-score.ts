import { detectLanguage } from '../../text/language.js';
import { memoized } from '../../core/memo.js';
import { cjkCharacters, foldText, tokenize } from '../../text/tokenize.js';
import type { AnswerIntent } from './answer-intents.js';
import type { Candidate } from './chunk-sentences.js';
import type { Concept, QuestionProfile } from './question-profile.js';
import { sectionPrior } from './section-prior.js';

export interface ScoredCandidate {
  candidate: Candidate;
  /** Weighted share of the question's concepts the sentence states (0..1). */
  coverage: number;
  /** Coverage plus what the question's kind of fact, the section, the search rank and the form add. */
  score: number;
  /** Concepts the sentence states. */
  matched: ReadonlySet<string>;
}

export interface ScoreContext {
  profile: QuestionProfile;
  /** Rarity of each concept among the candidate sentences (0..1): rarer concepts tell answers apart. */
  rarity: ReadonlyMap<string, number>;
  /** Concepts at least one candidate sentence states. */
  present: ReadonlySet<string>;
  /** Number of search hits the candidates came from. */
  hits: number;
}

const LATIN = /[a-z]/i;
const CJK = /[\u3400-\u9fff]/;
/** Words a sentence does not repeat because its heading says them ("None." under "4 CONTRAINDICATIONS"). */
const HEADING_CREDIT = 0.85;
/** Words the glossary does not know and no candidate contains ("usual", "any") matter less; "nelfinavir", found in the label, does not. */
const UNKNOWN_WORD_WEIGHT = 0.5;
/** "patients", "take": the glossary knows them, but they say nothing about the topic. */
const WEAK_WORD_WEIGHT = 0.25;
const ALL_SCRIPTS = { latin: true, cjk: true };
/** The label's own word for a concept answers as well as the rep's: a synonym's credit is lifted toward the typed word's. */
const SYNONYM_LIFT = 0.2;
/** Nonclinical findings ("8 to 16 times (rat) the human AUC") answer no clinical question. */
const ANIMAL_STUDY = /\b(?:mice|mouse|rats?|rabbits?|dogs?|monkeys?|hamsters?|animals?|in vitro)\b|times the (?:maximum )?(?:recommended )?human|human (?:plasma )?(?:auc|exposure|area-under)|小鼠|大鼠|家兔|犬|猴|动物/i;
/**
 * "For use with healthcare professionals, together with the full Prescribing Information",
 * "Internal training material — not for use with healthcare professionals": how a document may
 * be used, said at its top, answers no question about the product.
 */
const USAGE_NOTICE = /^(?:for (?:use|distribution) (?:with|by|to|in)\b|not for (?:use|distribution|promotional use)\b|internal (?:training )?(?:material|use|document)\b|do not (?:distribute|copy|forward)\b|fictional sample\b)|^(?:仅供|内部培训资料|不得对外)/i;
/** "Because animal reproduction studies are not always predictive of human response, this drug should be used … only if clearly needed": a recommendation for people. */
const RECOMMENDATION = /\b(?:should|must|only if|not recommended|contraindicated|avoid)\b|应当|应该|禁用|避免/i;
/**
 * "WARNING: SERIOUS INFECTIONS AND MALIGNANCY": a US label's boxed warning is headed "WARNING:"
 * and its title in capitals, without the word "boxed"; its sentences state what a question
 * about the boxed warning (黑框警告, BBW) asks for.
 */
const BOXED_WARNING_HEADING = /(?:^|›\s*)(?:BOXED\s+)?WARNINGS?\s*:/;
const BOXED_WARNING_TOKENS = sentenceTokens('boxed warning');
const PEDIATRIC = /\b(?:pediatric|paediatric|children|child|adolescents?|infants?|neonates?|boys|girls|juvenile)\b|儿童|青少年|婴儿|小儿/i;

/** The words of a sentence as the index sees them: stems, CJK bigrams and characters. */
export function sentenceTokens(text: string): Set<string> {
  return new Set([...tokenize(text), ...cjkCharacters(text)]);
}

/** "[see Boxed Warning]", "(see Warnings and Precautions (5.1))", "（见【禁忌】）": where a topic is treated, not what the sentence states. */
const CROSS_REFERENCE = /\[\s*see\b[^\]]*\]|\(\s*see\b(?:[^()]|\([^()]*\))*\)|[（([【]\s*参?见[^）)\]】]*[）)\]】]/gi;

/**
 * The words a sentence states: its tokens without those of its cross-references ("Doses should
 * be individualized [see … Indications and Usage (1.2)]" is not about indications). A reference
 * still places the statement, as a heading does: those words count as its context.
 */
export const statementTokens: (text: string) => ReadonlySet<string> = memoized(
  (text) => sentenceTokens(text.replace(CROSS_REFERENCE, ' ').replace(ADDRESS, ' ').replace(MORE_OFTEN, ' ')),
  50_000,
);

/** "Adverse reactions occurring more often than placebo": a comparison of rates, not how often a dose is given. */
const MORE_OFTEN = /\b(?:more|less) often\b/gi;

/** "safety@example.com", "https://…": an address's words ("safety") are not what the sentence is about. */
const ADDRESS = /\b[\w.%+-]+@[\w.-]+\.[a-z]{2,}\b|\bhttps?:\/\/\S+/gi;

/** The words of a sentence's cross-references ("[see Boxed Warning]" → boxed, warning). */
function referenceTokens(text: string): string[] {
  const references = text.match(CROSS_REFERENCE);
  return references ? [...sentenceTokens(references.join(' '))] : [];
}

/** What scoring reads off an approved sentence whatever the question: worked out once per sentence. */
interface SentenceFacts {
  scripts: { latin: boolean; cjk: boolean };
  folded: string;
  language: 'en' | 'zh';
  references: string[];
  aboutChildren: boolean;
  /** The part of `formPenalty` that depends on the words alone. */
  textPenalty: number;
  words: number;
}

const sentenceFacts = memoized((text: string): SentenceFacts => {
  const cjk = CJK.test(text);
  let textPenalty = 0;
  if (/^[a-z(,;]/.test(text)) textPenalty += 0.15;
  if (text.length > 500) textPenalty += 0.1;
  if (/\?$|？$/.test(text)) textPenalty += 0.25;
  if (/\b(?:you|your)\b/i.test(text)) textPenalty += 0.08;
  if (ANIMAL_STUDY.test(text) && !RECOMMENDATION.test(text)) textPenalty += 0.3;
  if (USAGE_NOTICE.test(text)) textPenalty += 0.4;
  return {
    scripts: { latin: LATIN.test(text), cjk },
    folded: foldText(text),
    language: detectLanguage(text),
    references: referenceTokens(text),
    aboutChildren: PEDIATRIC.test(text),
    textPenalty,
    words: text.split(/\s+/).filter(Boolean).length,
  };
}, 50_000);

/** The language of an approved sentence (remembered with its other facts). */
export function sentenceLanguage(text: string): 'en' | 'zh' {
  return sentenceFacts(text).language;
}

/**
 * How much of a concept a token set states: its best fully present alternative against the
 * best alternative (0..1); null when the concept has no terms in these scripts.
 */
export function conceptCredit(concept: Concept, tokens: Pick<ReadonlySet<string>, 'has'>, scripts: { latin: boolean; cjk: boolean }): number | null {
  let credit = 0;
  let applicable = false;
  for (const alt of concept.alternatives) {
    if (alt.cjk ? !scripts.cjk : !scripts.latin) continue;
    applicable = true;
    if (!hasAll(tokens, alt.tokens)) continue;
    // A short one-word synonym ("reactions" for "side effects") is looser than a phrase, a specific term or the rep's own word.
    const lift = alt.original || alt.tokens.length > 1 || (alt.tokens[0]?.length ?? 0) >= 7 ? SYNONYM_LIFT : 0;
    credit = Math.max(credit, Math.min(1, alt.weight / (alt.cjk ? concept.cjkMax : concept.latinMax) + lift));
  }
  return applicable ? credit : null;
}

// A loop, not `every` with a closure: this runs for every alternative of every concept of every candidate sentence.
function hasAll(tokens: Pick<ReadonlySet<string>, 'has'>, wanted: readonly string[]): boolean {
  for (const t of wanted) if (!tokens.has(t)) return false;
  return true;
}

/** Rarity of each concept among candidate sentences, from 0 (in every one) to 1 (in one, or none), and which appear at all. */
export function conceptRarity(concepts: readonly Concept[], tokenSets: ReadonlyArray<ReadonlySet<string>>): { rarity: Map<string, number>; present: Set<string> } {
  const n = Math.max(1, tokenSets.length);
  const rarity = new Map<string, number>();
  const present = new Set<string>();
  for (const c of concepts) {
    const df = tokenSets.filter((t) => (conceptCredit(c, t, ALL_SCRIPTS) ?? 0) > 0).length;
    rarity.set(c.id, df === 0 ? 1 : Math.log(1 + n / df) / Math.log(1 + n));
    if (df > 0) present.add(c.id);
  }
  return { rarity, present };
}

export function scoreCandidate(candidate: Candidate, tokens: ReadonlySet<string>, ctx: ScoreContext): ScoredCandidate {
  const { profile } = ctx;
  const facts = sentenceFacts(candidate.text);
  const { scripts } = facts;
  // The asked intents whose fact this sentence shows: read once, for concept credit and for the intent bonus.
  const shown = profile.intents.length === 0 ? NONE_SHOWN : profile.intents.filter((i) => i.shows.test(facts.folded));
  const topicHeading = topicHeadingTokens(candidate, tokens);
  const heading = contextTokens(candidate, topicHeading, facts.references);
  let total = 0;
  let got = 0;
  let askedTotal = 0;
  let applicable = 0;
  const matched = new Set<string>();
  for (const concept of profile.concepts) {
    const importance = concept.importance * (concept.weak ? WEAK_WORD_WEIGHT : concept.known || ctx.present.has(concept.id) ? 1 : UNKNOWN_WORD_WEIGHT);
    const weight = importance * (0.5 + 0.5 * (ctx.rarity.get(concept.id) ?? 0));
    askedTotal += importance;
    const own = conceptCredit(concept, tokens, scripts);
    if (own === null) continue;
    applicable += importance;
    let credit = Math.max(own, HEADING_CREDIT * (conceptCredit(concept, heading, ALL_SCRIPTS) ?? 0));
    if (concept.statedBy) credit = shown.includes(concept.statedBy) ? Math.max(credit, SHOWN_CREDIT) : credit * NAMED_NOT_SHOWN;
    total += weight;
    got += weight * credit;
    if (credit > 0) matched.add(concept.id);
  }
  // A sentence in the other script can only state the concepts the glossary translates.
  const applicableShare = askedTotal === 0 ? 0 : Math.min(1, applicable / askedTotal);
  const coverage = total === 0 ? 0 : (got / total) * (0.6 + 0.4 * applicableShare);

  let score = coverage;
  for (const intent of profile.intents) {
    if (shown.includes(intent)) score += 0.12;
    else if (intent.expected) score -= 0.08;
    if (intent.absentWhen?.test(facts.folded)) score -= 0.15;
  }
  const share = sectionShare(candidate, topicHeading, profile.concepts);
  score += 0.1 * share + sectionPrior(candidate.chunk.section);
  // A section's first sentence usually states its topic ("Adalimumab binds specifically to TNF-alpha").
  if (candidate.position === 0 && share > 0) score += 0.05;
  // An approved FAQ whose question is the rep's question: its answer was written for it.
  if (candidate.chunk.docType === 'faq' && share >= 0.99) score += 0.08;
  score += populationFit(candidate, facts.aboutChildren, profile.folded);
  score += 0.08 * (1 - candidate.hit / Math.max(1, ctx.hits));
  // A Chinese question may be answered from an English label (quoted as is); an English question is not answered in Chinese.
  const { language } = facts;
  if (language === profile.language) score += 0.05;
  else if (profile.language === 'en') score -= 0.3;
  score -= formPenalty(candidate, facts);
  return { candidate, coverage, score, matched };
}

/** A sentence that names an intent's concept without showing its fact ("use effective contraception") states it only this much. */
const NAMED_NOT_SHOWN = 0.5;
/** A sentence that shows an intent's fact states its concept, named or not ("lowered LDL-C by 39%" states efficacy). */
const SHOWN_CREDIT = 0.8;
const NONE_SHOWN: readonly AnswerIntent[] = [];

/** A pediatric passage answers an adult question badly, and the reverse. */
function populationFit(candidate: Candidate, sentenceAboutChildren: boolean, foldedQuestion: string): number {
  const asksChildren = PEDIATRIC.test(foldedQuestion) || /\bkids?\b|小孩|孩子/.test(foldedQuestion);
  const aboutChildren = sentenceAboutChildren || PEDIATRIC.test(candidate.chunk.section ?? '');
  if (aboutChildren && !asksChildren) return -0.12;
  if (asksChildren && aboutChildren) return 0.05;
  return 0;
}

/** The heading, a table row's caption and the sentence's cross-references: words a sentence leaves to its context. */
function contextTokens(candidate: Candidate, heading: ReadonlySet<string>, references: readonly string[]): ReadonlySet<string> {
  if (!candidate.caption && references.length === 0) return heading;
  return new Set([...heading, ...references, ...(candidate.caption ? sentenceTokens(candidate.caption) : [])]);
}

/** "SERIOUS INFECTIONS AND MALIGNANCY", "用法和用量": one heading, several topics. */
const JOINED_TOPICS = /\s+(?:and|&)\s+|[和及与]/i;

/**
 * The heading's words, less the topics the sentence is not about: under "WARNING: SERIOUS
 * INFECTIONS AND MALIGNANCY" a sentence that speaks of infection leaves "malignancy" to the
 * sentences about it (a sentence that names none of the topics keeps them all).
 */
function topicHeadingTokens(candidate: Candidate, stated: ReadonlySet<string>): Set<string> {
  const all = headingTokens(candidate);
  const parts = headingTopics(candidate.chunk.section ?? '');
  if (parts.length < 2) return all;
  const about = parts.filter((part) => [...part].some((t) => t.length > 1 && stated.has(t)));
  if (about.length === 0 || about.length === parts.length) return all;
  const keep = new Set(about.flatMap((part) => [...part]));
  const drop = new Set(parts.filter((part) => !about.includes(part)).flatMap((part) => [...part]).filter((t) => !keep.has(t)));
  return new Set([...all].filter((t) => !drop.has(t)));
}

/** The topics joined in the last level of a heading ("WARNING: SERIOUS INFECTIONS AND MALIGNANCY" → two). */
const headingTopics = memoized((section: string): Array<Set<string>> => {
  const last = (section.split('›').pop() ?? '').replace(/^[\s\d.]*(?:(?:BOXED\s+)?WARNINGS?\s*:)?/, '');
  return last.split(JOINED_TOPICS).map((p) => sentenceTokens(p)).filter((p) => p.size > 0);
}, 5_000);

/** Tokens of the passage's section heading ("6 ADVERSE REACTIONS › 6.1 Clinical Trials Experience"). */
function headingTokens(candidate: Candidate): Set<string> {
  return sectionTokens(candidate.chunk.section ?? '');
}

const titleTokens = memoized(sentenceTokens, 5_000);

const sectionTokens = memoized((section: string): Set<string> => {
  const tokens = sentenceTokens(section);
  if (BOXED_WARNING_HEADING.test(section)) for (const token of BOXED_WARNING_TOKENS) tokens.add(token);
  return tokens;
}, 5_000);

/** Share of the question's main concepts named by the chunk's section heading or title. */
function sectionShare(candidate: Candidate, topicHeading: ReadonlySet<string>, concepts: readonly Concept[]): number {
  const main = mainConcepts(concepts);
  if (main.length === 0) return 0;
  const title = titleTokens(candidate.chunk.title);
  // The heading's and the title's words together, without building a set per candidate.
  const tokens = { has: (token: string) => topicHeading.has(token) || title.has(token) };
  let named = 0;
  for (const c of main) if ((conceptCredit(c, tokens, ALL_SCRIPTS) ?? 0) > 0) named += 1;
  return named / main.length;
}

/** The question's main concepts, picked once per question rather than once per candidate sentence. */
const mainConceptsOf = new WeakMap<readonly Concept[], readonly Concept[]>();
function mainConcepts(concepts: readonly Concept[]): readonly Concept[] {
  let main = mainConceptsOf.get(concepts);
  if (!main) {
    main = concepts.filter((c) => c.importance >= 0.5);
    mainConceptsOf.set(concepts, main);
  }
  return main;
}

/**
 * "ZORVEX (zorvastatin) tablets — Important Safety Information card (FICTIONAL)": a line that
 * ends like no sentence and whose words are mostly its document's title's is the title, not a
 * statement to quote.
 */
export function isTitleLine(candidate: Candidate): boolean {
  if (/[.!?。！？]$/.test(candidate.text)) return false;
  const words = statementTokens(candidate.text);
  if (words.size === 0) return false;
  const inTitle = titleTokens(candidate.chunk.title);
  let shared = 0;
  for (const w of words) if (inTitle.has(w)) shared += 1;
  return shared / words.size >= 0.6;
}

/** Fragments, headings, run-ons and patient-leaflet wording make poor answers for a rep. */
function formPenalty(candidate: Candidate, facts: SentenceFacts): number {
  const text = candidate.text;
  const cjk = facts.scripts.cjk;
  const { words } = facts;
  const wholePassage = text.length >= candidate.chunk.text.trim().length - 2;
  let penalty = 0;
  if (candidate.kind === 'table-row') penalty += 0.04;
  // "DO NOT FREEZE." is a complete statement; "Infections" or "2.1 Dosage" is a heading.
  else if (!wholePassage && ((!cjk && words < 5) || text.length < 12)) penalty += /^[A-Z].*[.!]$/.test(text) ? 0.1 : 0.3;
  // A colon that introduces a table or list is an answer with its rows (they are quoted with it).
  if (/[:：]$/.test(text) && !candidate.introducesRows) penalty += 0.1;
  if (!cjk && candidate.kind === 'sentence' && !/[.!?)\]"”]$/.test(text)) penalty += 0.06;
  return penalty + facts.textPenalty;
}
