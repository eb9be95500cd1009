import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Replaces the computed signature. */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackResponse {
  status: number;
  text: string;
  ms: number;
}

/** `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret, as Slack signs requests. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to the bot's endpoint the way Slack does, signed. */
export async function sendToBot(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

let counter = 0;
const nextId = () => `${Date.now().toString(36)}${(++counter).toString(36)}`.toUpperCase();

export const TEAM = 'T0TEAM001';
export const BOT_USER = 'U0BOT0001';
export const BOT_ID = 'B0BOT0001';

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>, extra: Record<string, unknown> = {}): { eventId: string; body: string } {
  const eventId = `Ev${nextId()}`;
  const body = JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0APP0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    event,
    ...extra,
  });
  return { eventId, body };
}

let tsCounter = 0;
/** A message ts unique within the test run. */
export function nextMessageTs(): string {
  tsCounter += 1;
  return `1710000000.${String(tsCounter).padStart(6, '0')}`;
}

export function mentionEvent(text: string, options: { user?: string; channel?: string; ts?: string; threadTs?: string } = {}): Record<string, unknown> {
  const ts = options.ts ?? nextMessageTs();
  return {
    type: 'app_mention',
    user: options.user ?? 'U0REP0001',
    text: `<@${BOT_USER}> ${text}`,
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    channel: options.channel ?? 'C0FIELD01',
    event_ts: ts,
    client_msg_id: `cm-${nextId()}`,
  };
}

export function directMessageEvent(text: string, options: { user?: string; channel?: string; ts?: string; threadTs?: string } = {}): Record<string, unknown> {
  const ts = options.ts ?? nextMessageTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: options.user ?? 'U0REP0001',
    text,
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    channel: options.channel ?? 'D0DM00001',
    event_ts: ts,
    client_msg_id: `cm-${nextId()}`,
  };
}

/** A slash command, form-encoded as Slack sends it. */
export function slashCommandBody(text: string, responseUrl: string, options: { user?: string; channel?: string } = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'example',
    channel_id: options.channel ?? 'C0FIELD01',
    channel_name: 'field-team',
    user_id: options.user ?? 'U0REP0001',
    user_name: 'rep',
    command: '/repbot',
    text,
    api_app_id: 'A0APP0001',
    response_url: responseUrl,
    trigger_id: `trigger-${nextId()}`,
  }).toString();
}

/** An interaction payload (`payload=<json>`), form-encoded as Slack sends it. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
