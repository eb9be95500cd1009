import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** A message the bot sent back over the socket: an envelope's ack (with its payload, if any). */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * A local stand-in for Slack's Socket Mode WebSocket endpoint (the URL `apps.connections.open`
 * returns): a minimal RFC 6455 server for one client — text frames, ping/pong, close — that says
 * `hello`, delivers envelopes and records the acks.
 */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  private server: http.Server | null = null;
  private socket: Duplex | null = null;
  private port = 0;
  private connections = 0;
  private readonly waiters = new Set<() => void>();

  async start(): Promise<void> {
    this.server = http.createServer((_req, res) => {
      res.writeHead(426);
      res.end();
    });
    this.server.on('upgrade', (req, socket) => this.upgrade(req, socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.socket?.destroy();
    this.socket = null;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** What `apps.connections.open` answers with. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/link/?ticket=fake`;
  }

  /** How many times the bot has connected. */
  get connectionCount(): number {
    return this.connections;
  }

  /** Sends an envelope (`events_api`, `slash_commands`, `interactive`) and returns its id. */
  deliver(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>, options: { retryAttempt?: number } = {}): string {
    const id = `env-${Math.random().toString(36).slice(2, 10)}`;
    this.send({
      envelope_id: id,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      retry_attempt: options.retryAttempt ?? 0,
      retry_reason: options.retryAttempt ? 'timeout' : '',
    });
    return id;
  }

  /** Waits until the bot has acknowledged `envelopeId`. */
  async ackOf(envelopeId: string, timeoutMs = 10_000): Promise<SocketAck> {
    await this.waitFor(() => this.acks.some((a) => a.envelope_id === envelopeId), timeoutMs, `the ack of ${envelopeId}`);
    return this.acks.find((a) => a.envelope_id === envelopeId) as SocketAck;
  }

  async connected(timeoutMs = 10_000): Promise<void> {
    await this.waitFor(() => this.socket !== null, timeoutMs, 'the bot to connect');
  }

  private async waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (predicate()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private upgrade(req: http.IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    this.socket = socket;
    this.connections += 1;
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let frame = readFrame(buffered); frame; frame = readFrame(buffered)) {
        buffered = buffered.subarray(frame.length);
        this.onFrame(frame.opcode, frame.payload);
      }
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    socket.on('error', () => undefined);
    this.send({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0FAKE001' } });
    this.notify();
  }

  private onFrame(opcode: number, payload: Buffer): void {
    if (opcode === OPCODE.ping) return this.write(OPCODE.pong, payload);
    if (opcode === OPCODE.close) {
      this.write(OPCODE.close, payload.subarray(0, 2));
      this.socket?.end();
      return;
    }
    if (opcode !== OPCODE.text) return;
    const message = JSON.parse(payload.toString('utf8')) as SocketAck;
    if (typeof message.envelope_id === 'string') {
      this.acks.push(message);
      this.notify();
    }
  }

  private send(message: Record<string, unknown>): void {
    this.write(OPCODE.text, Buffer.from(JSON.stringify(message), 'utf8'));
  }

  private write(opcode: number, payload: Buffer): void {
    if (!this.socket) throw new Error('the bot is not connected');
    // Server frames are not masked.
    const n = payload.length;
    const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65_536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 0xff]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), u64(n)]);
    this.socket.write(Buffer.concat([head, payload]));
  }
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** One complete client frame at the start of `b` (clients always mask), or null if more bytes are needed. */
function readFrame(b: Buffer): { opcode: number; payload: Buffer; length: number } | null {
  if (b.length < 2) return null;
  const opcode = (b[0] as number) & 0x0f;
  const masked = ((b[1] as number) & 0x80) !== 0;
  let len = (b[1] as number) & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (b.length < 4) return null;
    len = b.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (b.length < 10) return null;
    len = Number(b.readBigUInt64BE(2));
    offset = 10;
  }
  const maskAt = offset;
  if (masked) offset += 4;
  if (b.length < offset + len) return null;
  const payload = Buffer.from(b.subarray(offset, offset + len));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (b[maskAt + (i % 4)] as number);
  return { opcode, payload, length: offset + len };
}
