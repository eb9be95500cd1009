import path from 'node:path';
import type { Clock } from '../core/clock.js';
import { RepbotError } from '../core/errors.js';
import { type AnswerService, type AskOptions, createAnswerService } from '../answering/answer-service.js';
import type { ConversationStore } from '../answering/conversation/conversation-store.js';
import { MemoryConversationStore } from '../answering/conversation/memory-conversation-store.js';
import type { AnswerGenerator } from '../answering/llm/answer-generator.js';
import { createChatModel } from '../answering/llm/chat-model-factory.js';
import { type RespondGenerator, createLlmAnswerGenerator, createLlmRespondGenerator } from '../answering/llm/llm-answer-generator.js';
import type { LlmConfig } from '../answering/llm/llm-config.js';
import { loadPrompts } from '../answering/prompts.js';
import { type ObjectionOptions, type ObjectionService, createObjectionService } from '../answering/objection/objection-service.js';
import type { AnswerReply } from '../answering/reply.js';
import type { ReplyDraft, ReplyFilter } from '../answering/reply-filter.js';
import { type RouteAudit, createJsonlRouteAudit } from '../answering/route-audit.js';
import { loadRoutingLexicon } from '../answering/routing/routing-lexicon.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';

export interface AnswerServicesOptions {
  /** The ready knowledge snapshot (indexes on first use). */
  knowledge(): Promise<KnowledgeBase>;
  /** The compliance filter for a snapshot. */
  filterFor(kb: KnowledgeBase): ReplyFilter;
  dataDir: string;
  clock: Clock;
  conversations?: ConversationStore;
  audit?: RouteAudit;
  generator?: AnswerGenerator;
  respondGenerator?: RespondGenerator;
  generatorTimeoutMs?: number;
}

export interface AnswerServices {
  ask(question: string, options?: AskOptions): Promise<AnswerReply>;
  objection(text: string, options?: ObjectionOptions): Promise<AnswerReply>;
}

/** `ask` and `objection` for the services object: shared thread memory, routing audit and filter. */
export function createAnswerServices(options: AnswerServicesOptions): AnswerServices {
  const lexicon = loadRoutingLexicon();
  if (!lexicon.ok) {
    throw new RepbotError('CONFIG_INVALID', `The routing word lists cannot be loaded:\n  ${lexicon.error.join('\n  ')}`, {
      hint: 'Fix the files in data/routing named above.',
    });
  }
  const conversations = options.conversations ?? new MemoryConversationStore({ clock: options.clock });
  const audit = options.audit ?? createJsonlRouteAudit(path.join(options.dataDir, 'audit', 'routing.jsonl'));
  // The filter follows the snapshot (its product cards), so it is looked up per call.
  const filter: ReplyFilter = {
    async approve<T>(draft: ReplyDraft, payload: T) {
      return options.filterFor(await options.knowledge()).approve(draft, payload);
    },
  };
  const deps = { knowledge: options.knowledge, filter, lexicon: lexicon.value, conversations, audit, clock: options.clock };
  const answers: AnswerService = createAnswerService({ ...deps, generator: options.generator, generatorTimeoutMs: options.generatorTimeoutMs });
  const objections: ObjectionService = createObjectionService({ ...deps, respondGenerator: options.respondGenerator, respondTimeoutMs: options.generatorTimeoutMs });
  return { ask: answers.ask, objection: objections.objection };
}

/** LLM mode from configuration: the chat model and prompts/answer.md and objection.md (checked now, not at the first question). */
export async function createLlmGenerators(config: LlmConfig): Promise<{ answer?: AnswerGenerator; respond?: RespondGenerator }> {
  const model = await createChatModel(config);
  if (!model) return {};
  const prompts = loadPrompts();
  const id = `${config.provider}:${config.model ?? ''}`;
  return { answer: createLlmAnswerGenerator(model, prompts.answer, id), respond: createLlmRespondGenerator(model, prompts.objection, id) };
}

/** LLM mode for `ask` alone (see `createLlmGenerators`). */
export async function createAnswerGenerator(config: LlmConfig): Promise<AnswerGenerator | undefined> {
  return (await createLlmGenerators(config)).answer;
}
