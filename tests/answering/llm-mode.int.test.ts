import { FakeListChatModel } from '@langchain/core/utils/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerGenerator } from '../../src/services/answer-services.js';
import { createLlmAnswerGenerator } from '../../src/answering/llm/llm-answer-generator.js';
import { type LlmConfig, loadLlmConfig } from '../../src/answering/llm/llm-config.js';
import { createChatModel } from '../../src/answering/llm/chat-model-factory.js';
import { loadPrompts } from '../../src/answering/prompts.js';
import { toObjectionReply, toReply } from '../../src/answering/reply-document.js';
import type { AnswerGenerator } from '../../src/answering/llm/answer-generator.js';
import type { Services } from '../../src/services/services.js';
import { SAMPLE_KNOWLEDGE, answerServices } from '../helpers/answer-services.js';
import { type FakeBehaviour, startFakeOpenAi } from '../helpers/fake-openai-server.js';

describe('LLM mode through the real LangChain OpenAI client and a local OpenAI-compatible server', () => {
  let behaviour: FakeBehaviour = { kind: 'answer', text: '' };
  let server: Awaited<ReturnType<typeof startFakeOpenAi>>;
  let services: Services;

  beforeAll(async () => {
    server = await startFakeOpenAi(() => behaviour);
    const llm: LlmConfig = { provider: 'openai-compatible', model: 'fake-model', baseUrl: server.baseUrl, apiKey: 'test', timeoutMs: 1500 };
    ({ services } = await answerServices(SAMPLE_KNOWLEDGE, { llm }));
  });
  afterAll(() => server.close());

  it('posts the model answer when it cites the passages it was given, and sends the prompt with numbered approved passages', async () => {
    behaviour = { kind: 'answer', text: 'The maximum recommended dosage of Zorvex is 40 mg once daily in adults [1].' };
    const checked = await services.ask('zorvex max dose?');
    const reply = toReply(checked);
    expect(checked.payload.mode).toBe('llm');
    expect(reply.answer).toBe('The maximum recommended dosage of Zorvex is 40 mg once daily in adults [1].');
    expect(reply.citations.map((c) => c.n)).toEqual([1]);
    const request = server.requests.at(-1);
    expect(request?.model).toBe('fake-model');
    expect(request?.messages[0]?.role).toBe('system');
    expect(request?.messages[1]?.content).toMatch(/Question: zorvex max dose\?/);
    expect(request?.messages[1]?.content).toMatch(/\[1\] .*\(MLR-\d{4}-\d{4}\)/);
  });

  it('falls back to the extractive answer, with a note, when the server fails (HTTP 500)', async () => {
    behaviour = { kind: 'error', status: 500 };
    const checked = await services.ask('zorvex max dose?');
    expect(checked.payload.mode).toBe('extractive');
    expect(checked.payload.notes[0]).toMatch(/language model was not available/);
    expect(toReply(checked).answer).toContain('40 mg once daily');
  });

  it('falls back when the server does not answer in time', async () => {
    behaviour = { kind: 'hang', ms: 10_000 };
    const started = Date.now();
    const checked = await services.ask('how should calmira be stored');
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(checked.payload.mode).toBe('extractive');
    expect(toReply(checked).answer).toContain('2°C to 8°C');
  });

  it('falls back when the model cites nothing, cites a passage it was not given, or finds nothing', async () => {
    for (const text of ['Zorvex is great for everyone.', 'The dose is 40 mg [7].', 'NOT_COVERED']) {
      behaviour = { kind: 'answer', text };
      const checked = await services.ask('zorvex max dose?');
      expect(checked.payload.mode, text).toBe('extractive');
      expect(toReply(checked).answer).toContain('40 mg once daily');
    }
  });

  it('writes the objection respond step from the approved evidence, and falls back to the quoted evidence', async () => {
    behaviour = { kind: 'answer', text: 'I cannot discuss pricing in detail, but Market Access can help with coverage [1].' };
    const written = toObjectionReply(await services.objection('Zorvex is too expensive'));
    expect(written.script?.respond).toBe('I cannot discuss pricing in detail, but Market Access can help with coverage [1].');
    const request = server.requests.at(-1);
    expect(request?.messages[1]?.content).toMatch(/Objection category: price/);
    behaviour = { kind: 'error', status: 500 };
    const fallback = await services.objection('Zorvex is too expensive');
    expect(fallback.payload.notes[0]).toMatch(/language model was not available/);
    expect(toObjectionReply(fallback).script?.respond).toContain("I'm not able to discuss pricing in detail");
  });

  it('never asks the model about routed questions', async () => {
    const before = server.requests.length;
    behaviour = { kind: 'answer', text: 'should not be used [1]' };
    expect(toReply(await services.ask('my doctor said her patient got a rash on Zorvex')).route).toBe('pharmacovigilance');
    expect(toReply(await services.ask('does calmira cause hair loss?')).route).toBe('not-found');
    expect(server.requests.length).toBe(before);
  });
});

describe('LLM prompt plumbing with LangChain\'s fake chat model', () => {
  it('fills prompts/answer.md and returns the model text', async () => {
    const model = new FakeListChatModel({ responses: ['Store refrigerated at 2°C to 8°C [1].'] });
    const generator: AnswerGenerator = createLlmAnswerGenerator(model, loadPrompts().answer, 'fake');
    const text = await generator.generate(
      { question: '卡米拉怎么保存', language: 'zh', passages: [{ n: 1, title: 'Calmira FAQ', section: null, approvalCode: 'MLR-2025-0125', text: 'Store Calmira refrigerated at 2°C to 8°C.' }] },
      new AbortController().signal,
    );
    expect(text).toBe('Store refrigerated at 2°C to 8°C [1].');
  });

  it('runs ask end to end with the fake model', async () => {
    const model = new FakeListChatModel({ responses: ['The maximum recommended dosage of Zorvex is 40 mg once daily in adults [1].'] });
    const { services } = await answerServices(SAMPLE_KNOWLEDGE, { answerGenerator: createLlmAnswerGenerator(model, loadPrompts().answer, 'fake') });
    const checked = await services.ask('zorvex max dose?');
    expect(checked.payload.mode).toBe('llm');
    expect(toReply(checked).citations).toHaveLength(1);
  });
});

describe('LLM configuration', () => {
  it('is offline (none) by default', async () => {
    const config = loadLlmConfig({});
    expect(config.provider).toBe('none');
    expect(await createAnswerGenerator(config)).toBeUndefined();
  });

  it('names each missing setting and its fix', () => {
    expect(() => loadLlmConfig({ REPBOT_LLM: 'openai' })).toThrow(/REPBOT_LLM_MODEL: required[\s\S]*OPENAI_API_KEY: required/);
    expect(() => loadLlmConfig({ REPBOT_LLM: 'openai-compatible', REPBOT_LLM_MODEL: 'm' })).toThrow(/REPBOT_LLM_BASE_URL: required/);
    expect(() => loadLlmConfig({ REPBOT_LLM: 'gemini' })).toThrow(/REPBOT_LLM: must be one of none, openai, ollama, openai-compatible, anthropic/);
  });

  it('builds Ollama, OpenAI and Anthropic clients from the configuration', async () => {
    expect((await createChatModel(loadLlmConfig({ REPBOT_LLM: 'ollama', REPBOT_LLM_MODEL: 'llama3.1' })))?.constructor.name).toBe('ChatOllama');
    expect((await createChatModel(loadLlmConfig({ REPBOT_LLM: 'openai', REPBOT_LLM_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'k' })))?.constructor.name).toBe('ChatOpenAI');
    expect((await createChatModel(loadLlmConfig({ REPBOT_LLM: 'anthropic', REPBOT_LLM_MODEL: 'claude', ANTHROPIC_API_KEY: 'k' })))?.constructor.name).toBe('ChatAnthropic');
  });
});
