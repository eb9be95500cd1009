import type { Language } from '../../knowledge/types.js';

/** A retrieved approved passage as the model sees it: numbered, so it can cite `[n]`. */
export interface PromptPassage {
  n: number;
  title: string;
  section: string | null;
  approvalCode: string;
  text: string;
}

export interface GenerateInput {
  question: string;
  language: Language;
  passages: PromptPassage[];
}

/**
 * Writes an answer from approved passages only (LLM mode). Whatever it returns is checked:
 * it must cite passages that were given, and it still passes the compliance filter.
 */
export interface AnswerGenerator {
  readonly modelId: string;
  generate(input: GenerateInput, signal: AbortSignal): Promise<string>;
}
