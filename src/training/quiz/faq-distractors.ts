import { chunkSentences } from '../../answering/extract/chunk-sentences.js';
import type { Chunk, Language } from '../../knowledge/types.js';
import { tokenize } from '../../text/tokenize.js';
import { normalizeForMatch, unitFigures } from './fact-questions.js';
import type { QuizTopic } from './quiz.js';
import { quizTopic, quizTopicsOf, topicCues } from './quiz-topics.js';
import { shuffled } from './seeded-random.js';

/** One approved sentence of the product, verbatim, with what the distractor checks need. */
export interface Statement {
  text: string;
  chunk: Chunk;
  /** From a FAQ answer (the register of the correct option) rather than the label. */
  faq: boolean;
  folded: string;
  tokens: ReadonlySet<string>;
  /** Tokens of its section heading (a label section, or the FAQ question it answers). */
  sectionTokens: ReadonlySet<string>;
  /** "40 mg", "6.1 fold", "12 week": the figures with a unit it states. */
  figures: ReadonlySet<string>;
  /** Its topic (first match, quiz-topics.ts), every topic its words touch, and those of its section heading. */
  topic: QuizTopic;
  topics: readonly QuizTopic[];
  sectionTopics: readonly QuizTopic[];
}

/** A FAQ question being built: what the distractors must not answer. */
export interface FaqTarget {
  question: string;
  topic: QuizTopic;
  /** The correct option (the first sentence of the approved answer). */
  answer: string;
  /** Every sentence of the approved answer (the correct option included). */
  answerSentences: readonly string[];
}

/** A distractor that fills a slot when the topic has too few: another FAQ item's answer (the previous behaviour). */
export interface FillCandidate {
  text: string;
  /** The FAQ question it answers. */
  question: string;
  /** The topic of the FAQ question it answers. */
  itemTopic: QuizTopic;
}

const LENGTH_RANGE = [0.5, 2.5] as const;
/** Token overlap above which two sentences say the same thing (a distractor would be a second correct option). */
const NEAR_IDENTICAL = 0.6;
const MIN_WORDS = 5;
const MIN_CJK_CHARS = 8;

// Words that name a topic in general rather than the fact a question asks about: "Can Zorvex be
// *used* with cyclosporine?" asks about cyclosporine, and a sentence on another drug that also
// says "use" does not answer it. Tokenized like the questions (stems, CJK bigrams).
const GENERIC_WORDS = [
  'use used using take taking taken dose doses dosage dosing patient patients daily once mg drug drugs medicine given give',
  'tablet tablets pen pens product',
  '使用 服用 用药 剂量 用量 用法 法用 患者 病人 一起 起使 每日 一次 毫克 药物',
].join(' ');
const GENERIC: ReadonlySet<string> = new Set(tokenize(GENERIC_WORDS));
// Words that name the question's topic itself: "Who should not take Zorvex (contraindications)?"
// and "How should Calmira be stored?" ask about the whole topic, and any sentence on it may
// answer them. They still keep sentences that share them out, but do not make a question specific.
const CATEGORY_WORDS: Record<QuizTopic, string> = {
  interaction: 'interaction interactions interact concomitant concomitantly together combination 相互作用 合用 同服 同时',
  contraindication: 'contraindication contraindications contraindicated 禁用 禁忌',
  storage: 'store stored storing storage kept keep 保存 贮藏 储存 存放',
  dose: 'dose doses dosage dosing 剂量 用量 用法',
  safety: 'safety safe side effect effects adverse reaction reactions 安全 安全性 不良反应 副作用',
  efficacy: 'efficacy effective effectiveness 疗效 有效',
  other: '',
};
const CATEGORY: ReadonlyMap<QuizTopic, ReadonlySet<string>> = new Map(Object.entries(CATEGORY_WORDS).map(([topic, words]) => [topic as QuizTopic, new Set(tokenize(words))]));
const CJK = /[\u3400-\u9fff]/;
// A lay word in a question and the label's word for it: "children" asks about what the label calls "pediatric".
const SAME_MEANING: ReadonlyArray<[ReadonlySet<string>, readonly string[]]> = [
  ['children child adolescents adolescent kids', 'pediatric paediatric'],
  ['儿童 青少年 小孩', '儿科 儿童'],
].map(([lay, label]) => [new Set(tokenize(lay as string)), tokenize(label as string)]);

const EN_FULL_SENTENCE = /^[A-Z0-9][^]*[.!?]["”’)]?$/;
const ZH_FULL_SENTENCE = /^[\p{Script=Han}A-Za-z0-9][^]*[。！？；]$/u;
// A FICTIONAL banner, a contact line, a heading run into its first item ("Other drug
// interactions • Coumarin …"), a pointer to a table the quiz does not show ("Table 2 lists …").
const NOT_A_STATEMENT = /FICTIONAL|虚构|@|https?:|www\.|[•▪●]|^(?:Table|Figure)\s+\d|^[表图]\s*\d/i;
// "The following adverse reactions have been identified …", "… 的不良反应如下：": a lead-in states nothing on its own.
const LEAD_IN = /^the following\b|\bas follows\b|如下/i;
// A PDF table row read as one line: "Cyclosporine AUC increased 6.1-fold Avoid concomitant use." (the
// recommendation column starts mid-sentence with a capital).
const FUSED_TABLE_ROW = /[a-z0-9%)] (?:Avoid|Do not|Consider|Monitor)\b/;
const BRACKETED = /\[[^\]]*\]|\([^)]*\)|（[^）]*）/g;

/**
 * The product's approved sentences in one language that could stand as an option: full sentences
 * (a capital or ideograph first, a full stop last; no heading, "…:" lead-in, table row, clause
 * fragment, contact line or FICTIONAL banner), FAQ answers first, each text once.
 */
export function statementPool(chunks: readonly Chunk[], language: Language): Statement[] {
  const out: Statement[] = [];
  const seen = new Set<string>();
  const ordered = [...chunks].filter((c) => c.language === language && (c.docType === 'faq' || c.docType === 'label'));
  ordered.sort((a, b) => Number(b.docType === 'faq') - Number(a.docType === 'faq'));
  for (const chunk of ordered) {
    for (const sentence of chunkSentences(chunk, 0)) {
      const text = sentence.text;
      if (sentence.kind !== 'sentence' || !isFullSentence(text, language)) continue;
      const folded = normalizeForMatch(text);
      if (seen.has(folded)) continue;
      seen.add(folded);
      const section = chunk.section ?? '';
      out.push({
        text,
        chunk,
        faq: chunk.docType === 'faq',
        folded,
        tokens: new Set(tokenize(text)),
        sectionTokens: new Set(tokenize(section)),
        figures: unitFigures(text),
        topic: quizTopic(text),
        topics: quizTopicsOf(text),
        sectionTopics: quizTopicsOf(section),
      });
    }
  }
  return out;
}

function isFullSentence(text: string, language: Language): boolean {
  if (NOT_A_STATEMENT.test(text) || LEAD_IN.test(text) || FUSED_TABLE_ROW.test(text.replace(BRACKETED, ' '))) return false;
  if (language === 'zh') return ZH_FULL_SENTENCE.test(text) && text.replace(BRACKETED, '').length >= MIN_CJK_CHARS;
  return EN_FULL_SENTENCE.test(text) && text.replace(BRACKETED, ' ').split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length >= MIN_WORDS;
}

/**
 * The question's distinctive words: its tokens without stopwords (`tokenize` drops them), the
 * product's names and aliases (taken out of the text first, so no CJK bigram straddles one),
 * single CJK characters (particles and modal verbs: 应, 可) and generic words (dose, use, take,
 * patients, tablets…), plus the label's word for a few lay ones (children → pediatric).
 * `topicWide`: nothing is left but words naming the topic itself (`CATEGORY_WORDS`): the
 * question asks about its topic as a whole ("How should Calmira be stored?", "卡米拉的用法用量是什么？").
 */
export function distinctiveWords(question: string, topic: QuizTopic, productNames: readonly string[]): { words: Set<string>; topicWide: boolean } {
  let text = question;
  for (const name of [...productNames].sort((a, b) => b.length - a.length)) if (name.trim() !== '') text = text.split(name).join(' ');
  const names = new Set(productNames.flatMap((n) => tokenize(n)));
  const words = new Set(tokenize(text).filter((t) => !names.has(t) && !GENERIC.has(t) && !(t.length === 1 && CJK.test(t))));
  for (const [lay, label] of SAME_MEANING) if (sharesWord(lay, words)) for (const t of label) words.add(t);
  const category = CATEGORY.get(topic) ?? new Set<string>();
  return { words, topicWide: [...words].every((w) => category.has(w)) };
}

/** "contraindic" ~ "contraindicated", "effect" ~ "effectiv": equal, or (4+ letters) one a prefix of the other. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && /^[a-z0-9]+$/.test(short) && long.startsWith(short);
}

export function sharesWord(words: ReadonlySet<string>, tokens: ReadonlySet<string>): boolean {
  for (const w of words) for (const t of tokens) if (sameWord(w, t)) return true;
  return false;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

interface Checked {
  text: string;
  tokens: ReadonlySet<string>;
  /** Tokens of the heading it stands under (label section, or the FAQ question it answers). */
  sectionTokens: ReadonlySet<string>;
  figures: ReadonlySet<string>;
}

/**
 * "Might answer the question", judged conservatively (a sentence is kept out whenever it might;
 * a plausible distractor is never worth a second correct option). A sentence might answer when:
 *  - it, or the heading it stands under, shares one of the question's distinctive words
 *    (`distinctiveWords`; stems and CJK bigrams, a prefix counts: "contraindicated" for
 *    "contraindications"): no sentence naming cyclosporine for "Can Zorvex be used with
 *    cyclosporine?", nothing from "4 CONTRAINDICATIONS" for "Who should not take Zorvex?";
 *  - it states a figure of the approved answer (any of its sentences): "The dosage range is
 *    10 mg to 40 mg" gives the maximum dose in other words, the pediatric section's "The
 *    recommended starting dosage is 10 mg once daily" the children's dose without "children";
 *  - it is a sentence of the FAQ item's own answer, or near-identical to one (most of the shorter
 *    one's tokens shared: the label's "Do not take two doses at once.").
 */
export function mightAnswer(s: Checked, target: FaqTarget, words: ReadonlySet<string>, answerFigures: ReadonlySet<string>): boolean {
  if (sharesWord(words, s.tokens) || sharesWord(words, s.sectionTokens)) return true;
  for (const f of s.figures) if (answerFigures.has(f)) return true;
  const folded = normalizeForMatch(s.text);
  for (const sentence of target.answerSentences) {
    const own = normalizeForMatch(sentence);
    if (own === folded || own.includes(folded) || folded.includes(own)) return true;
    if (overlap(new Set(tokenize(sentence)), s.tokens) > NEAR_IDENTICAL) return true;
  }
  return false;
}

/**
 * 0: a sentence on the topic answering a FAQ question on it; 1: a label sentence on the topic
 * under a heading on it; 2: a sentence on the topic, or under a heading on it; 3: one that touches it.
 */
function rankOf(s: Statement, topic: QuizTopic): number {
  const inSection = s.faq ? quizTopic(s.chunk.section ?? '') === topic : s.sectionTopics.includes(topic);
  if (s.topic === topic && inSection) return s.faq ? 0 : 1;
  return s.topic === topic || inSection ? 2 : 3;
}

/**
 * Up to `count` distractors for a FAQ question, each a verbatim approved sentence of the product
 * in the question's language (from `statementPool`: full sentences, no headings, table rows or
 * lead-ins) that does not answer it (`mightAnswer`):
 * 1. sentences on the question's topic first, so the rep cannot tell the answer by its topic:
 *    FAQ answer sentences whose topic it is, then label sentences whose topic it is under a
 *    heading on it ("2.3 Dosage Modifications for Drug Interactions"), then sentences that touch
 *    it by their words or their heading (`rankOf`); within a rank, those with more topic words
 *    first ("Strong CYP3A4 inhibitors (e.g., clarithromycin…)" before "Digoxin: no clinically
 *    relevant interaction"). Each is 0.5×–2.5× the answer's length, so no option stands out by
 *    its size. None when the question asks about its topic as a whole (`distinctiveWords`:
 *    "Who should not take Zorvex?" — any sentence on the topic may answer it) or its topic is "other";
 * 2. then other FAQ items' answers on other topics (`fills`, the previous behaviour), under the
 *    same "might answer" checks (not the length range); for a question on its whole topic, none
 *    that touches that topic either.
 * No two distractors are near-identical. `random` (seeded) breaks ties, so a question always
 * gets the same options.
 */
export function faqDistractors(
  target: FaqTarget,
  pool: readonly Statement[],
  fills: readonly FillCandidate[],
  productNames: readonly string[],
  count: number,
  random: () => number,
  /** Folded texts (`normalizeForMatch`) not to use: an alternative set of options leaves one out. */
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  const { words, topicWide } = distinctiveWords(target.question, target.topic, productNames);
  const answerFigures = new Set(target.answerSentences.flatMap((s) => [...unitFigures(s)]));
  const chosen: Array<{ folded: string; tokens: ReadonlySet<string>; text: string }> = [];
  const add = (c: { folded: string; tokens: ReadonlySet<string>; text: string }) => {
    if (chosen.length < count && !exclude.has(c.folded) && chosen.every((o) => o.folded !== c.folded && overlap(o.tokens, c.tokens) <= NEAR_IDENTICAL)) chosen.push(c);
  };

  if (!topicWide && target.topic !== 'other') {
    const [min, max] = LENGTH_RANGE.map((r) => r * target.answer.length) as [number, number];
    const ranked = shuffled(
      pool.filter((s) => (s.topics.includes(target.topic) || s.sectionTopics.includes(target.topic)) && s.text.length >= min && s.text.length <= max && !mightAnswer(s, target, words, answerFigures)),
      random,
    )
      .map((s) => ({ s, rank: rankOf(s, target.topic), cues: topicCues(s.text, target.topic) }))
      .sort((a, b) => a.rank - b.rank || b.cues - a.cues);
    for (const { s } of ranked) add(s);
  }
  for (const fill of shuffled(fills, random)) {
    // A question on its topic as a whole: no sentence on that topic, whatever FAQ item it answers.
    if (fill.itemTopic === target.topic || (topicWide && quizTopicsOf(fill.text).includes(target.topic))) continue;
    const s = { text: fill.text, folded: normalizeForMatch(fill.text), tokens: new Set(tokenize(fill.text)), sectionTokens: new Set(tokenize(fill.question)), figures: unitFigures(fill.text) };
    if (!mightAnswer(s, target, words, answerFigures)) add(s);
  }
  return chosen.map((c) => c.text);
}
