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
import type { ReplyFilter } from '../answering/reply-filter.js';
import type { RouteAudit } from '../answering/route-audit.js';
import { loadRoutingLexicon } from '../answering/routing/routing-lexicon.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { AuditRecorder } from './audit-recorder.js';
import { auditedFilter } from './audited-filter.js';

export interface AnswerServicesOptions {
  /** The ready knowledge snapshot (indexes on first use). */
  knowledge(): Promise<KnowledgeBase>;
  /** The compliance filter for a snapshot. */
  filterFor(kb: KnowledgeBase): ReplyFilter;
  clock: Clock;
  conversations?: ConversationStore;
  /** Every checked draft is recorded here before the reply exists (with its routing, if any). */
  auditLog: AuditRecorder;
  /** An extra hook for routed questions (tests list them); the audit log has them either way. */
  audit?: RouteAudit;
  generator?: AnswerGenerator;
  respondGenerator?: RespondGenerator;
  generatorTimeoutMs?: number;
}

export interface AnswerServices {
  ask(question: string, options?: AskOptions): Promise<AnswerReply>;
  objection(text: string, options?: ObjectionOptions): Promise<AnswerReply>;
}

/** `ask` and `objection` for the services object: shared thread memory, audited compliance filter. */
export function createAnswerServices(options: AnswerServicesOptions): AnswerServices {
  const lexicon = loadRoutingLexicon();
  if (!lexicon.ok) {
    throw new RepbotError('CONFIG_INVALID', `The routing word lists cannot be loaded:\n  ${lexicon.error.join('\n  ')}`, {
      hint: 'Fix the files in data/routing named above.',
    });
  }
  const conversations = options.conversations ?? new MemoryConversationStore({ clock: options.clock });
  // The filter follows the snapshot (its product cards), so it is looked up per call.
  const snapshotFilter: ReplyFilter = {
    async approve(draft, body, seal) {
      return options.filterFor(await options.knowledge()).approve(draft, body, seal);
    },
  };
  const filter = auditedFilter(snapshotFilter, options.auditLog);
  const deps = { knowledge: options.knowledge, filter, lexicon: lexicon.value, conversations, audit: options.audit, clock: options.clock };
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
