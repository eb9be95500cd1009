import { RepbotError } from '../core/errors.js';
import type { ComplianceJudge, JudgeRequest } from './judge.js';
import { CATEGORIES } from './types.js';

/** The little of a LangChain chat model the judge uses (BaseChatModel fits). */
export interface ChatModelLike {
  invoke(input: Array<[string, string]>, options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
  temperature?: number;
}

const SYSTEM = `You review one sentence that a pharmaceutical sales representative wants to send to a
healthcare professional. Decide whether it is a promotional compliance violation in this category:
{category} ({reason}). Judge only this sentence, in the context of the draft. Statements copied from
approved labelling, limitations ("not established", "尚未确立") and negations are not violations.
Answer with JSON only: {"violative": boolean, "category": one of ${CATEGORIES.join(', ')} or null,
"rationale": "one short sentence"}.`;

/**
 * A judge backed by a chat model (OpenAI, Anthropic, Ollama… via LangChain). The model must be
 * built with temperature 0: the same draft must get the same verdict.
 */
export function createChatModelJudge(model: ChatModelLike): ComplianceJudge {
  if (model.temperature !== undefined && model.temperature !== 0) {
    throw new RepbotError('CONFIG_INVALID', `The compliance judge model must run at temperature 0 (it is ${model.temperature}).`, {
      hint: 'Create the chat model for the judge with temperature: 0.',
    });
  }
  return {
    async judge(request: JudgeRequest, signal: AbortSignal) {
      const system = SYSTEM.replace('{category}', request.category).replace('{reason}', request.reason);
      const user = `Draft:\n${request.draft}\n\nSentence to judge:\n${request.claim}`;
      const reply = await model.invoke(
        [
          ['system', system],
          ['human', user],
        ],
        { signal },
      );
      return parseJson(contentText(reply.content));
    },
  };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

/** The JSON object in a reply, code fences and chatter around it ignored. */
function parseJson(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('the judge did not answer with JSON');
  return JSON.parse(text.slice(start, end + 1));
}
