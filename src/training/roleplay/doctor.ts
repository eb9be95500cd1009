import type { Language } from '../../knowledge/types.js';
import type { Persona, PersonaLine } from '../persona.js';
import { seededRandom } from '../quiz/seeded-random.js';
import type { HandlerSection } from './handler-sections.js';

/** What the rep's turn did, as the doctor reacts to it. */
export interface TurnSignals {
  violated: boolean;
  acknowledged: boolean;
  askedQuestion: boolean;
  usedEvidence: boolean;
  closed: boolean;
}

export interface DoctorReply {
  text: string;
  /** The doctor wraps up: the role-play ends and is scored. */
  done: boolean;
}

/** Plays the doctor: an opening objection, then a reply to each rep turn. */
export interface DoctorPlayer {
  opening(persona: Persona, section: HandlerSection, language: Language, seed: string): string;
  reply(persona: Persona, signals: TurnSignals, turn: number, language: Language, seed: string): DoctorReply;
}

/**
 * The offline doctor: lines from the persona file, chosen by what the rep's turn did, and an
 * opening objection quoted from the product's approved objection handler. Deterministic for a
 * seed (the session id), so a resumed role-play continues exactly as it would have.
 * Limits: reacts to signals, not to meaning — it cannot answer a rep's question with new
 * clinical detail (an LLM doctor could; this one uses the persona's "clarified" lines).
 */
export function createScriptedDoctor(): DoctorPlayer {
  return {
    opening(persona, section, language, seed) {
      const random = seededRandom(`${seed}|opening`);
      const quotes = section.objections.length > 0 ? section.objections : [section.chunk.section ?? ''];
      const objection = quotes[Math.floor(random() * quotes.length)] ?? '';
      return pick(persona, 'opening', language, random).replace('{objection}', objection).trim();
    },
    reply(persona, s, turn, language, seed) {
      const random = seededRandom(`${seed}|turn-${turn}`);
      const last = turn >= persona.maxTurns;
      let kind: PersonaLine;
      if (s.violated) kind = 'violation';
      else if (s.closed || last) kind = 'closing';
      else if (s.askedQuestion) kind = 'clarified';
      else if (s.usedEvidence) kind = 'evidence';
      else if (!s.acknowledged && turn === 1) kind = 'askConcern';
      else kind = 'noEvidence';
      const text = pick(persona, kind, language, random);
      if (kind === 'violation' && last) return { text: `${text} ${pick(persona, 'closing', language, random)}`, done: true };
      return { text, done: kind === 'closing' };
    },
  };
}

function pick(persona: Persona, kind: PersonaLine, language: Language, random: () => number): string {
  const lines = persona.lines[kind][language];
  return lines[Math.floor(random() * lines.length)] ?? lines[0] ?? '';
}
