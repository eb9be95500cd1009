import fs from 'node:fs';
import path from 'node:path';
import { describeError, isRepbotError } from '../../core/errors.js';
import { packageRoot } from '../../core/paths.js';
import { postable } from '../draft-checker.js';
import type { TrainingFilter, TrainingOrigin } from '../training-filter.js';
import { type WrittenFeedback, approveWrittenFeedback } from '../training-texts.js';
import type { ScoredAttempt } from './attempt.js';

/** Adds a written coaching note to a scored attempt (LLM mode). */
export interface FeedbackWriter {
  write(scored: ScoredAttempt, turns: readonly string[], signal: AbortSignal): Promise<string>;
}

/** The little of a LangChain chat model the writer uses (BaseChatModel fits). */
export interface ChatModelLike {
  invoke(input: Array<[string, string]>, options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

export const TRAINING_FEEDBACK_PROMPT = path.join(packageRoot, 'prompts', 'training-feedback.md');

/**
 * A chat model writes the note from prompts/training-feedback.md. Limits: the note is advice
 * only — `addWrittenFeedback` keeps the score and outcome as scored, and drops a note the
 * compliance filter would not let through.
 */
export function createLlmFeedbackWriter(model: ChatModelLike, promptFile: string = TRAINING_FEEDBACK_PROMPT): FeedbackWriter {
  const raw = fs.readFileSync(promptFile, 'utf8');
  const system = /## system\s*\n([\s\S]*?)\n## human/.exec(raw)?.[1]?.trim() ?? '';
  const human = /## human\s*\n([\s\S]*)$/.exec(raw)?.[1]?.trim() ?? '';
  return {
    async write(s, turns, signal) {
      const values: Record<string, string> = {
        language: s.language === 'zh' ? 'Chinese' : 'English',
        score: String(s.score),
        outcome: s.outcome,
        lines: s.lines.map((l) => `- ${l.label}: ${l.score} — ${l.note}`).join('\n'),
        violations: s.violations.map((v) => `- "${v.sentence}": ${v.why}`).join('\n') || '(none)',
        handler: s.handler ? `Acknowledge: ${s.handler.acknowledge}\nClarify: ${s.handler.clarify}\nRespond: ${s.handler.respond}\nClose: ${s.handler.close}` : '(none)',
        turns: turns.map((t, i) => `${i + 1}. ${t}`).join('\n'),
      };
      const fill = (template: string) => template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
      const reply = await model.invoke([['system', fill(system)], ['human', fill(human)]], { signal });
      return typeof reply.content === 'string' ? reply.content.trim() : '';
    },
  };
}

/** A scored attempt with its written note, when the writer gave one the compliance filter lets through. */
export interface WrittenAttempt {
  /** `writtenFeedback` holds the checked note's text, for the stored attempt and trainers. */
  scored: ScoredAttempt;
  /** The note as the rep is shown it; null when there is none. */
  written: WrittenFeedback | null;
}

const NOBODY: TrainingOrigin = { activity: 'roleplay', user: null, channel: null, session: null };

/**
 * The attempt with the writer's note — minted by the compliance filter (and so audited in the
 * app) — when the writer answers within `timeoutMs`; otherwise the attempt as it was. Score,
 * outcome, lines and violations are never taken from the writer.
 */
export async function addWrittenFeedback(
  scored: ScoredAttempt,
  turns: readonly string[],
  writer: FeedbackWriter,
  filter: TrainingFilter,
  timeoutMs: number,
  origin: TrainingOrigin = NOBODY,
  log: (line: string) => void = () => {},
): Promise<WrittenAttempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const note = await writer.write(structuredClone(scored), turns, controller.signal);
    if (note === '') return { scored, written: null };
    const written = await approveWrittenFeedback(filter, note, scored, origin);
    // What the filter removed (an unsupported figure, a claim) is gone; nothing left, no note.
    if (!postable(written.compliance)) return { scored, written: null };
    return { scored: { ...scored, writtenFeedback: written.text }, written };
  } catch (error) {
    if (isRepbotError(error) && error.code === 'AUDIT_UNAVAILABLE') throw error;
    log(`Written training feedback skipped: ${describeError(error)}`);
    return { scored, written: null };
  } finally {
    clearTimeout(timer);
  }
}
