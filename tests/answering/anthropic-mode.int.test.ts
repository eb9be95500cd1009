import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLlmConfig } from '../../src/answering/llm/llm-config.js';
import { toReply } from '../../src/answering/reply-document.js';
import type { Services } from '../../src/services/services.js';
import { SAMPLE_KNOWLEDGE, answerServices } from '../helpers/answer-services.js';

interface MessagesRequest {
  headers: http.IncomingHttpHeaders;
  body: { model: string; temperature?: number; system?: unknown; messages: Array<{ role: string; content: unknown }> };
}

// A local stand-in for Anthropic's Messages API (POST /v1/messages), answering with a fixed text.
let answer = '';
const requests: MessagesRequest[] = [];
const server = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    requests.push({ headers: req.headers, body: JSON.parse(raw) as MessagesRequest['body'] });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'msg_test',
        type: 'message',
        role: 'assistant',
        model: 'claude-test',
        content: [{ type: 'text', text: answer }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 10 },
      }),
    );
  });
});
let services: Services;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const llm = loadLlmConfig({ REPBOT_LLM: 'anthropic', REPBOT_LLM_MODEL: 'claude-test', ANTHROPIC_API_KEY: 'sk-ant-test', REPBOT_LLM_BASE_URL: `http://127.0.0.1:${port}` });
  ({ services } = await answerServices(SAMPLE_KNOWLEDGE, { llm }));
});
afterAll(async () => {
  await services?.close();
  server.close();
});

it('answers through the real LangChain Anthropic client: the cited model answer is posted, at temperature 0, with the key sent', async () => {
  answer = 'The maximum recommended dosage of Zorvex is 40 mg once daily in adults [1].';
  const checked = await services.ask('zorvex max dose?');
  expect(checked.payload.mode).toBe('llm');
  expect(toReply(checked).answer).toBe(answer);
  const last = requests.at(-1);
  expect(last?.body.model).toBe('claude-test');
  expect(last?.body.temperature).toBe(0);
  expect(last?.headers['x-api-key']).toBe('sk-ant-test');
  expect(JSON.stringify(last?.body.messages)).toMatch(/Question: zorvex max dose\?/);
});

it('names ANTHROPIC_API_KEY when it is missing, and builds no model', () => {
  expect(() => loadLlmConfig({ REPBOT_LLM: 'anthropic', REPBOT_LLM_MODEL: 'claude-test' })).toThrow(/ANTHROPIC_API_KEY: required when REPBOT_LLM=anthropic/);
});

