import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBehaviour = { kind: 'answer'; text: string } | { kind: 'error'; status: number } | { kind: 'hang'; ms: number };

/**
 * A local OpenAI-compatible chat completions server (POST /v1/chat/completions) for testing
 * the real LangChain client offline: it answers, fails with an HTTP status, or hangs.
 */
export async function startFakeOpenAi(behaviour: () => FakeBehaviour) {
  const requests: Array<{ model: string; messages: Array<{ role: string; content: string }> }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(body));
      const b = behaviour();
      if (b.kind === 'error') {
        res.writeHead(b.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'upstream exploded', type: 'server_error' } }));
        return;
      }
      const reply = (text: string) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: 'fake-model',
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        );
      if (b.kind === 'hang') {
        const timer = setTimeout(() => reply('too late [1]'), b.ms);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      reply(b.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
