import type { Language } from '../../knowledge/types.js';
import type { QueryAnalysis } from '../../retrieval/knowledge-base.js';
import { foldText, tokenize } from '../../text/tokenize.js';
import { type AnswerIntent, askedIntents } from './answer-intents.js';

const CJK = /[\u3400-\u9fff]/;
const CJK_CHARACTERS_GROUP = 'cjk-characters';
/** Single Chinese characters only hint at a concept. */
const CJK_CHARACTERS_IMPORTANCE = 0.3;
/** One word of a two-word term the rep typed ("max" of "max dose") states part of it. */
const PART_OF_PHRASE = 0.6;
/**
 * Words every label sentence could contain ("patients", "take", "use"): the glossary knows
 * them, but they do not say what the question is about, so they weigh as little as filler.
 */
const WEAK_TOKENS = new Set(['pati', 'pt', 'pts', 'subject', 'tak', 'us', 'given', 'giv', 'drug', 'medic', 'medicin', 'doctor', 'issu', 'problem', 'need', 'peopl', 'thing', 'talk', 'discuss', 'speak', 'chat', 'main', 'key', 'biggest', 'overall', 'work', '主要', '患者', '病人', '病患', '服用', '使用']);
/**
 * Words that qualify what is asked about: in "the risk of rhabdomyolysis", "恶性肿瘤风险" the event
 * is the topic, and "Rare cases of rhabdomyolysis have been reported" answers without the word
 * "risk" (the risk intent prefers such reports). They weigh as little as weak words, but unlike
 * them still count when typed ("humira risks" is answered by sentences about risks).
 */
const QUALIFIER_TOKENS = new Set(['risk', 'risky', 'danger', 'dangerous', '风险', '危险', '险大', '有风']);

/** One way a sentence can state a concept: all of these tokens present. */
export interface Alternative {
  tokens: readonly string[];
  weight: number;
  cjk: boolean;
  /** Words the rep typed (not a glossary synonym). */
  original?: boolean;
}

/** One idea the question asks about: what the rep typed and its glossary synonyms, in both scripts. */
export interface Concept {
  id: string;
  /** 1 when the rep typed it; less when it only came from an expansion. */
  importance: number;
  /** A glossary concept (or product alias, abbreviation): pharma vocabulary, not a filler word. */
  known: boolean;
  /** Only words every label sentence could contain ("patients", "take") or that qualify the topic ("risk"). */
  weak: boolean;
  alternatives: readonly Alternative[];
  latinMax: number;
  cjkMax: number;
  /** The asked intent whose fact states this concept (a sentence that names it without showing the fact states it only in part). */
  statedBy?: AnswerIntent;
}

export interface QuestionProfile {
  language: Language;
  folded: string;
  concepts: Concept[];
  intents: AnswerIntent[];
}

/**
 * The concepts of a question, from the knowledge base's analysis (stems, glossary groups and
 * their phrases), and what kind of fact it wants. A phrase counts only when all its words are
 * present, so "do not use" never matches a sentence by its "use".
 */
export function questionProfile(question: string, analysis: QueryAnalysis): QuestionProfile {
  const asked = new Set(tokenize(question));
  const groups = new Map<string, { originals: string[]; alternatives: Alternative[]; top: number }>();
  const groupOf = (id: string) => {
    let g = groups.get(id);
    if (!g) {
      g = { originals: [], alternatives: [], top: 0 };
      groups.set(id, g);
    }
    return g;
  };
  for (const term of analysis.terms) {
    const id = term.group ?? `t:${term.term}`;
    if (id === CJK_CHARACTERS_GROUP) {
      const g = groupOf(id);
      g.alternatives.push({ tokens: [term.term], weight: term.weight, cjk: true });
      g.top = Math.max(g.top, term.weight);
    } else if (asked.has(term.term)) {
      groupOf(id).originals.push(term.term);
    }
  }
  for (const [id, g] of groups) {
    for (const script of [false, true]) {
      const originals = g.originals.filter((t) => CJK.test(t) === script);
      if (originals.length === 0) continue;
      if (originals.length > 1) g.alternatives.push({ tokens: originals, weight: 1, cjk: script, original: true });
      // A Chinese phrase's bigrams are not words: 反应 of 不良反应 is any reaction.
      if (script && originals.length > 1) {
        g.top = 1;
        continue;
      }
      for (const t of originals) {
        // "take" of "who should not take" does not on its own say "contraindicated".
        if (WEAK_TOKENS.has(t) && /^g\d/.test(id)) continue;
        g.alternatives.push({ tokens: [t], weight: originals.length > 1 ? PART_OF_PHRASE : 1, cjk: script, original: true });
      }
      g.top = 1;
    }
  }
  for (const e of analysis.expansions) {
    if (e.group === undefined) continue;
    const tokens = phraseTokens(e.term);
    if (!tokens) continue;
    const g = groupOf(e.group);
    g.alternatives.push({ tokens, weight: e.weight, cjk: CJK.test(e.term) });
    g.top = Math.max(g.top, e.weight);
  }
  mergeAbbreviations(groups);
  const concepts: Concept[] = [];
  for (const [id, g] of groups) {
    if (g.alternatives.length === 0) continue;
    // A glossary term found only inside a product name (他汀 in 阿托伐他汀) is not asked about;
    // "what is it for" of "what is Calmira for?" is, though none of its words is a token.
    const askedAsPhrase = analysis.askedPhrases.includes(id);
    if (/^g\d/.test(id) && g.originals.length === 0 && !askedAsPhrase) continue;
    if (askedAsPhrase) g.top = 1;
    // "doctor" stays weak though the glossary widens it to "healthcare professional": the rep typed only a weak word.
    const typedWeak = g.originals.length > 0 && g.originals.every((t) => WEAK_TOKENS.has(t));
    const weak = typedWeak || g.alternatives.every((a) => a.tokens.every((t) => WEAK_TOKENS.has(t) || QUALIFIER_TOKENS.has(t)));
    const max = (cjk: boolean) => Math.max(0, ...g.alternatives.filter((a) => a.cjk === cjk).map((a) => a.weight));
    concepts.push({
      id,
      importance: id === CJK_CHARACTERS_GROUP ? CJK_CHARACTERS_IMPORTANCE : Math.min(1, g.top),
      known: !id.startsWith('t:') && id !== CJK_CHARACTERS_GROUP && !weak,
      weak,
      alternatives: g.alternatives,
      latinMax: max(false),
      cjkMax: max(true),
    });
  }
  const folded = foldText(question);
  const intents = askedIntents(folded);
  for (const intent of intents) {
    if (!intent.concept) continue;
    const about = intent.concept;
    for (const c of concepts) if (c.alternatives.some((a) => a.tokens.length === 1 && about.includes(a.tokens[0] as string))) c.statedBy = intent;
  }
  return { language: analysis.language, folded, concepts, intents };
}

/**
 * "max" is both a word of the glossary term "max dose" and an abbreviation of "maximum": one
 * concept, not two (the abbreviation's spelled-out form becomes an alternative of the term).
 */
function mergeAbbreviations(groups: Map<string, { originals: string[]; alternatives: Alternative[]; top: number }>): void {
  for (const [id, g] of groups) {
    if (!id.startsWith('a:')) continue;
    const abbreviation = id.slice(2);
    const host = [...groups].find(([otherId, other]) => otherId !== id && other.originals.includes(abbreviation));
    if (!host) continue;
    host[1].alternatives.push(...g.alternatives);
    groups.delete(id);
  }
}

/** The tokens of a glossary phrase, or null when stopwords took most of its meaning ("do not use" → "use"). */
function phraseTokens(term: string): string[] | null {
  const tokens = tokenize(term);
  if (tokens.length === 0) return null;
  if (CJK.test(term)) {
    const covered = new Set(tokens.join(''));
    return covered.size * 2 >= term.replace(/[^\u3400-\u9fff]/g, '').length ? tokens : null;
  }
  const words = term.split(/[\s-]+/).filter(Boolean);
  // A phrase reduced to one word by its stopwords ("over dose", "too much", "do not use") means something else.
  if (words.length > 1 && tokens.length < 2) return null;
  if (tokens.length * 2 < words.length) return null;
  // A stem much shorter than its word ("manage" → "man") matches unrelated words ("men").
  if (words.length === 1 && tokens.length === 1 && (tokens[0] as string).length <= 3 && (words[0] as string).length >= 6) return null;
  return tokens;
}
