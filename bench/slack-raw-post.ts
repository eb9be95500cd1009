import net from 'node:net';
import { sign } from '../tests/slack/helpers/signed-requests.js';

/**
 * A signed POST over a plain socket, timed from the first byte sent to the first byte of the
 * response. Lighter than fetch, so a burst of requests measures the bot, not the load generator.
 */
export interface RawPostResult {
  status: number;
  /** From the connection to the first byte of the response. */
  ms: number;
  /** The client's port (the server sees it as the remote port) and wall-clock times (ms), to line up with the server's side. */
  localPort: number;
  connectedAt: number;
}

export function rawSignedPost(url: string, body: string, contentType: string): Promise<RawPostResult> {
  const { hostname, port, pathname } = new URL(url);
  const timestamp = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(body, 'utf8');
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Content-Type: ${contentType}`,
    `Content-Length: ${payload.length}`,
    `X-Slack-Request-Timestamp: ${timestamp}`,
    `X-Slack-Signature: ${sign(body, timestamp)}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let started = 0;
    socket.once('connect', () => {
      started = performance.now();
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
    });
    socket.once('data', (chunk) => {
      const ms = performance.now() - started;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1] ?? 0);
      const localPort = socket.localPort ?? 0;
      socket.destroy();
      resolve({ status, ms, localPort, connectedAt: performance.timeOrigin + started });
    });
    socket.once('error', reject);
  });
}
