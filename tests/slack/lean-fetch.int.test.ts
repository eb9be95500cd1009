import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { leanFetch } from '../../src/slack/lean-fetch.js';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;

/** A local server that records each request and answers with `handler`. */
async function serve(handler: Handler): Promise<{ url: string; requests: Array<{ url: string; body: string; contentType: string }>; connections(): number; close(): Promise<void> }> {
  const requests: Array<{ url: string; body: string; contentType: string }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ url: req.url ?? '', body, contentType: String(req.headers['content-type'] ?? '') });
      handler(req, body, res);
    });
  });
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return {
    url,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('leanFetch as the Slack Web API client transport', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('posts the form body and returns the JSON answer with its headers (scopes) to the client', async () => {
    const s = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write,commands' });
      res.end('{"ok":true,"channel":"C1","ts":"1.2"}');
    });
    close = s.close;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: s.url, fetch: leanFetch, retryConfig: { retries: 0 } });
    const result = await client.chat.postMessage({ channel: 'C1', text: 'hello 你好' });
    expect(result.ok).toBe(true);
    expect(result.ts).toBe('1.2');
    expect(result.response_metadata?.scopes).toEqual(['chat:write', 'commands']);
    expect(s.requests[0]?.url).toBe('/api/chat.postMessage');
    expect(new URLSearchParams(s.requests[0]?.body).get('text')).toBe('hello 你好');
  });

  it('keeps a burst of calls on a few kept-alive connections instead of one socket per call', async () => {
    const s = await serve((_req, _body, res) => {
      // Slow enough that the calls overlap.
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true,"ts":"1.2"}');
      }, 20);
    });
    close = s.close;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: s.url, fetch: leanFetch, retryConfig: { retries: 0 } });
    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const r = await client.chat.postMessage({ channel: `C${i}`, text: 'x' });
        return r.ok;
      }),
    );
    expect(results.every(Boolean)).toBe(true);
    expect(s.requests).toHaveLength(60);
    expect(s.connections()).toBeGreaterThan(1);
    expect(s.connections()).toBeLessThanOrEqual(16);
  });

  it('lets the client retry after a 429 with retry-after', async () => {
    let calls = 0;
    const s = await serve((_req, _body, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
        res.end('{"ok":false,"error":"ratelimited"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    close = s.close;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: s.url, fetch: leanFetch, retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    expect((await client.chat.postMessage({ channel: 'C1', text: 'x' })).ok).toBe(true);
    expect(calls).toBe(2);
  });

  it('surfaces an HTTP error status as the client\'s HTTP error', async () => {
    const s = await serve((_req, _body, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('boom');
    });
    close = s.close;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: s.url, fetch: leanFetch, retryConfig: { retries: 0 } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 500 });
  });

  it('gives up when the client\'s timeout passes', async () => {
    const s = await serve(() => undefined);
    close = s.close;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: s.url, fetch: leanFetch, timeout: 100, retryConfig: { retries: 0 } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toThrow();
  });

  it('hands bodies it does not handle (form data, as for file uploads) to the global fetch', async () => {
    const s = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    close = s.close;
    const form = new FormData();
    form.set('file', new Blob(['data']), 'a.txt');
    const response = await leanFetch(`${s.url}upload`, { method: 'POST', body: form });
    expect(await response.text()).toBe('ok');
    expect(s.requests[0]?.contentType).toMatch(/^multipart\/form-data/);
    const plain = await leanFetch(`${s.url}plain`, { method: 'POST', body: 'a=1' });
    expect(plain.url).toBe(`${s.url}plain`);
    expect(plain.status).toBe(200);
  });
});
