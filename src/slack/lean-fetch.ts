import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';

/**
 * The `fetch` the Slack Web API client is given (`WebClientOptions.fetch`): its requests — a
 * form-encoded or JSON body, a small JSON answer — sent with undici's `request` instead of
 * Node's WHATWG `fetch`, which costs about a millisecond of CPU per call (two calls per
 * answer: the placeholder and its update). The answer is read whole (Slack's answers are
 * small), so an unread body never holds a connection, and handed back as a `LeanResponse`.
 * Limits: string and byte bodies only — anything else (form data, streams: file uploads) goes
 * to the global `fetch`; no redirects are followed (the Web API client asks for none); no
 * proxy support beyond what the global `fetch` has (none in Node 20).
 */
/**
 * Connections to the Web API, kept alive and at most 16 per host: a burst of answers queues its
 * calls on them instead of opening (and, against slack.com, TLS-handshaking) one socket per call.
 */
const WEB_API_CONNECTIONS = 16;
let agent: Agent | undefined;

export const leanFetch: typeof fetch = async (input, init = {}) => {
  const body = init.body;
  const simpleBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
  if (!simpleBody || input instanceof Request) return fetch(input, init);
  const url = String(input);
  const res = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: plainHeaders(init.headers),
    body: body ?? null,
    signal: init.signal ?? null,
    dispatcher: (agent ??= new Agent({ connections: WEB_API_CONNECTIONS })),
  });
  const bytes = new Uint8Array(await res.body.arrayBuffer());
  const headers = new LeanHeaders();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // A WHATWG Response costs a ReadableStream per call: the client reads this much of one.
  return new LeanResponse(res.statusCode, res.statusCode === 204 || res.statusCode === 304 ? new Uint8Array(0) : bytes, headers, url) as unknown as Response;
};

/**
 * The part of a fetch `Response` the Slack Web API client reads: `status`, `statusText`, `ok`,
 * `url`, `headers` (`get`, `has`, `entries`, iteration), `text()`, `json()`, `arrayBuffer()`.
 * Limits: no `body` stream, no `clone()`, no `blob()`/`formData()`; the body can be read more
 * than once (it is already in memory).
 */
export class LeanResponse {
  constructor(
    readonly status: number,
    private readonly bytes: Uint8Array,
    readonly headers: LeanHeaders,
    readonly url: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  async text(): Promise<string> {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.bytes.slice().buffer;
  }
}

/** Response headers by lower-case name; repeated headers are joined with ", " as `Headers.get` does. */
export class LeanHeaders {
  private readonly values = new Map<string, string[]>();

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const list = this.values.get(key);
    if (list) list.push(value);
    else this.values.set(key, [value]);
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase())?.join(', ') ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [name, list] of [...this.values].sort(([a], [b]) => a.localeCompare(b))) yield [name, list.join(', ')];
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return { ...(headers as Record<string, string>) };
}
