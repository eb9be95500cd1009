import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the fake Slack: a Web API method, or a post to a response URL. */
export interface RecordedCall {
  /** "chat.postMessage", … or "response_url" */
  method: string;
  args: Record<string, unknown>;
  /** For response URLs: the id in the URL. */
  responseId?: string;
  authorization: string | null;
  at: number;
  /** What the fake answered. */
  result?: Record<string, unknown>;
}

/** Fields that the Web API client sends as JSON strings inside form bodies. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

/**
 * A local stand-in for the Slack Web API (`SLACK_API_URL`) and for slash-command / action
 * response URLs. Records every call, answers `{ ok: true, ts }`, and can be told to fail a method.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly usergroups = new Map<string, string[]>();
  /** What `apps.connections.open` returns (a `FakeSocketMode` URL), for Socket Mode tests. */
  socketModeUrl: string | null = null;
  private readonly failures = new Map<string, { error: string; times: number; skip: number }>();
  private server: http.Server | null = null;
  private port = 0;
  private tsCounter = 0;
  private readonly waiters = new Set<() => void>();

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** After `skip` good calls, the next `times` calls to `method` answer `{ ok: false, error }` (Infinity: until cleared). */
  fail(method: string, error = 'internal_error', times = 1, skip = 0): void {
    this.failures.set(method, { error, times, skip });
  }

  clearFailures(): void {
    this.failures.clear();
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `predicate` holds for the recorded calls (checked after every call). */
  async waitFor(predicate: (calls: readonly RecordedCall[]) => boolean, timeoutMs = 20_000, what = 'the expected Slack calls'): Promise<void> {
    if (predicate(this.calls)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate(this.calls)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const args = parseBody(raw, req.headers['content-type'] ?? '');
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;

    if (url.pathname.startsWith('/response/')) {
      this.record({ method: 'response_url', args, responseId: url.pathname.slice('/response/'.length), authorization, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const failure = this.failures.get(method);
    let result: Record<string, unknown>;
    if (failure && failure.skip > 0) {
      failure.skip -= 1;
      result = this.reply(method, args);
    } else if (failure && failure.times > 0) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.delete(method);
      result = { ok: false, error: failure.error };
    } else {
      result = this.reply(method, args);
    }
    this.record({ method, args, authorization, at: Date.now(), result });
    json(res, result);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const waiter of [...this.waiters]) waiter();
  }

  private reply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : 'C0FAKE001';
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'U0BOT0001', bot_id: 'B0BOT0001', team_id: 'T0TEAM001' };
      case 'chat.postMessage':
        return { ok: true, channel, ts: this.nextTs(), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel, ts: args.ts, text: args.text };
      case 'apps.connections.open':
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: 'invalid_auth' };
      case 'usergroups.users.list':
        return { ok: true, users: this.usergroups.get(String(args.usergroup)) ?? [] };
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: `V${this.nextTs().replace('.', '')}` } };
      default:
        return { ok: true };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) out[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return out;
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
