import { describe, expect, it } from 'vitest';
import { LeanHeaders, LeanResponse } from '../../src/slack/lean-fetch.js';

// The part of a fetch Response that the Slack Web API client reads, as `Response` gives it.
describe('LeanResponse', () => {
  it('reads like a fetch Response: status, text, JSON, bytes, and headers as Headers joins them', async () => {
    const headers = new LeanHeaders();
    headers.append('Content-Type', 'application/json; charset=utf-8');
    headers.append('x-oauth-scopes', 'chat:write');
    headers.append('X-OAuth-Scopes', 'commands');
    const body = new TextEncoder().encode('{"ok":true,"text":"佐维斯"}');
    const lean = new LeanResponse(200, body, headers, 'http://127.0.0.1/api/chat.update');
    const real = new Response(body, { status: 200, headers: [['content-type', 'application/json; charset=utf-8'], ['x-oauth-scopes', 'chat:write'], ['x-oauth-scopes', 'commands']] });

    expect(lean.ok).toBe(real.ok);
    expect(lean.status).toBe(200);
    expect(lean.headers.get('x-oauth-scopes')).toBe(real.headers.get('x-oauth-scopes'));
    expect(lean.headers.get('content-type')).toBe(real.headers.get('Content-Type'));
    expect(lean.headers.get('retry-after')).toBe(real.headers.get('retry-after'));
    expect(lean.headers.has('X-OAUTH-SCOPES')).toBe(true);
    expect(Object.fromEntries(lean.headers.entries())).toEqual(Object.fromEntries(real.headers.entries()));
    expect(await lean.text()).toBe(await real.clone().text());
    expect(await lean.json()).toEqual({ ok: true, text: '佐维斯' });
    expect(new Uint8Array(await lean.arrayBuffer())).toEqual(new Uint8Array(await real.arrayBuffer()));
    expect(lean.url).toBe('http://127.0.0.1/api/chat.update');
  });

  it('names the status as Node does, and is not ok outside 2xx', () => {
    const error = new LeanResponse(503, new Uint8Array(0), new LeanHeaders(), 'http://x/api/chat.postMessage');
    expect(error.ok).toBe(false);
    expect(error.statusText).toBe('Service Unavailable');
  });
});
