import type { Language } from '../../knowledge/types.js';
import { type Prompt, renderPrompt } from '../prompts.js';
import type { AnswerGenerator, GenerateInput, PromptPassage } from './answer-generator.js';

/** The little of a LangChain chat model the generator uses (BaseChatModel fits). */
export interface ChatModelLike {
  invoke(input: Array<[string, string]>, options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

/** What the model answers when the passages do not cover the question (see prompts/answer.md). */
export const NOT_COVERED = 'NOT_COVERED';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: 'Simplified Chinese (简体中文)' };

/** The numbered passages as the prompt shows them. */
export function formatPassages(passages: readonly PromptPassage[]): string {
  return passages
    .map((p) => `[${p.n}] ${p.title}${p.section ? ` — ${p.section}` : ''} (${p.approvalCode})\n${p.text.trim()}`)
    .join('\n\n');
}

/** LLM mode for `ask`: prompts/answer.md filled with the question and the approved passages. */
export function createLlmAnswerGenerator(model: ChatModelLike, prompt: Prompt, modelId: string): AnswerGenerator {
  return {
    modelId,
    async generate(input: GenerateInput, signal: AbortSignal): Promise<string> {
      const text = await invokePrompt(
        model,
        prompt,
        { language: LANGUAGE_NAMES[input.language], question: input.question, passages: formatPassages(input.passages) },
        signal,
      );
      if (text === NOT_COVERED || text.startsWith(NOT_COVERED)) throw new Error('the model found no answer in the approved passages');
      return text;
    },
  };
}

/** Renders a prompt, sends it as a system and a human message, and returns the model's text, trimmed. */
async function invokePrompt(model: ChatModelLike, prompt: Prompt, inputs: Record<string, string>, signal: AbortSignal): Promise<string> {
  const rendered = renderPrompt(prompt, inputs);
  const reply = await model.invoke(
    [
      ['system', rendered.system],
      ['human', rendered.human],
    ],
    { signal },
  );
  return contentText(reply.content).trim();
}

export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

/** What the objection prompt needs besides the passages. */
export interface RespondInput {
  objection: string;
  category: string;
  product: string;
  language: Language;
  passages: PromptPassage[];
}

/** LLM mode for `objection`: prompts/objection.md writes the respond step from the approved evidence. */
export interface RespondGenerator {
  readonly modelId: string;
  generate(input: RespondInput, signal: AbortSignal): Promise<string>;
}

export function createLlmRespondGenerator(model: ChatModelLike, prompt: Prompt, modelId: string): RespondGenerator {
  return {
    modelId,
    async generate(input, signal) {
      const text = await invokePrompt(
        model,
        prompt,
        {
          language: LANGUAGE_NAMES[input.language],
          category: input.category,
          objection: input.objection,
          product: input.product,
          passages: formatPassages(input.passages),
        },
        signal,
      );
      if (text === '' || text.startsWith(NOT_COVERED)) throw new Error('the model found no response in the approved evidence');
      return text;
    },
  };
}
