import type { AddressInfo } from 'node:net';
import { App, LogLevel, type Logger, type webApi } from '@slack/bolt';
import { RepbotError } from '../core/errors.js';
import type { Services } from '../services/services.js';
import { createAdminCheck } from './admin-check.js';
import { EarlyAckHTTPReceiver } from './early-ack-receiver.js';
import { AnswerQueue } from './answer-queue.js';
import { EventDedupe } from './event-dedupe.js';
import { leanFetch } from './lean-fetch.js';
import { reportFailure } from './failure-report.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { lazyFeedbackStore } from '../feedback/lazy-feedback-store.js';
import { IntakeGate } from './intake-gate.js';
import { registerListeners } from './listeners/register-listeners.js';
import { RateLimiter } from './rate-limiter.js';
import { Reindexer } from './reindexer.js';
import type { SlackConfig, SlackLogLevel, SlackMode } from './slack-config.js';
import type { SlackDeps } from './slack-deps.js';
import { createSlackLogger } from './slack-logger.js';
import { WorkTracker } from './work-tracker.js';
import { createTrainerCheck } from './trainer-check.js';

/** Where Slack sends events, commands and interactions in HTTP mode (the manifest's request URLs end in it). */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

export interface SlackAppOptions {
  /**
   * The bot's identity. When both are given no `auth.test` call is made (tests, or to skip a
   * round trip); otherwise `start()` asks Slack, which also checks the token.
   */
  botId?: string;
  botUserId?: string;
  /** Web API retries (default: Slack's client default, 10 retries over about 30 minutes). Tests pass `{ retries: 0 }`. */
  retryConfig?: webApi.RetryOptions;
  /** HTTP mode: the interface to listen on (default all). */
  host?: string;
  logger?: Logger;
  /** Where 👍/👎 go (default: the services' store, durable SQLite at <data>/feedback.db). */
  feedback?: FeedbackStore;
  now?: () => Date;
}

export interface StartedSlackBot {
  mode: SlackMode;
  /** HTTP mode: the bound port (useful with PORT=0); null in Socket Mode. */
  port: number | null;
}

export interface SlackBot {
  readonly app: App;
  readonly deps: SlackDeps;
  /** Checks the bot token with Slack (auth.test) unless the identity was given. `start()` does it too. */
  verify(): Promise<void>;
  start(): Promise<StartedSlackBot>;
  /** Stops receiving, then waits (up to `drainMs`, default 10 s) for answers in progress. */
  stop(options?: { drainMs?: number }): Promise<void>;
  /** Resolves true when no answer is in progress (false on timeout). */
  idle(timeoutMs?: number): Promise<boolean>;
}

const LEVELS: Record<SlackLogLevel, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

/** A Bolt app over the services, in Socket Mode or HTTP mode as configured, with every listener registered. */
export function createSlackApp(services: Services, config: SlackConfig, options: SlackAppOptions = {}): SlackBot {
  const logger =
    options.logger ??
    createSlackLogger({ level: LEVELS[config.logLevel], secrets: [config.botToken, config.appToken ?? '', config.signingSecret ?? ''] });
  const knownIdentity = options.botId !== undefined && options.botUserId !== undefined;
  const clientOptions: webApi.WebClientOptions = {
    // Node's fetch costs about a millisecond of CPU per Web API call; see lean-fetch.ts.
    fetch: leanFetch,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
  };
  const common = {
    token: config.botToken,
    ...(knownIdentity ? { botId: options.botId, botUserId: options.botUserId } : {}),
    // With the identity given, no auth.test; without it, start() runs it (deferred so a bad token is a clear error, not a crash).
    tokenVerificationEnabled: !knownIdentity,
    deferInitialization: !knownIdentity,
    logger,
    logLevel: LEVELS[config.logLevel],
    clientOptions,
    convoStore: false as const,
    ignoreSelf: true,
  };
  const work = new WorkTracker();
  // HTTP mode: under a burst, accepting and acking requests comes before starting answers.
  const intake = config.mode === 'http' ? new IntakeGate() : undefined;
  const app =
    config.mode === 'socket'
      ? new App({
          ...common,
          socketMode: true,
          appToken: requireSetting(config.appToken, 'SLACK_APP_TOKEN'),
          // Bolt's Socket Mode client opens its connection (apps.connections.open) with these, so SLACK_API_URL applies there too.
          installerOptions: { clientOptions },
        })
      : new App({
          ...common,
          receiver: new EarlyAckHTTPReceiver(
            {
              signingSecret: requireSetting(config.signingSecret, 'SLACK_SIGNING_SECRET'),
              endpoints: EVENTS_PATH,
              logger,
              customRoutes: [
                {
                  path: HEALTH_PATH,
                  method: ['GET'],
                  handler: (_req, res) => {
                    res.writeHead(200, { 'content-type': 'text/plain' });
                    res.end('ok');
                  },
                },
              ],
            },
            { track: (handled) => work.track(handled), onError: (error) => reportFailure(logger, 'handling a Slack event', error), gate: intake },
          ),
        });

  const now = options.now ?? (() => new Date());
  const deps: SlackDeps = {
    services,
    config,
    logger,
    // Looked up on first click, so building the app does not touch the services.
    feedback: options.feedback ?? lazyFeedbackStore(() => services.feedback),
    dedupe: new EventDedupe(),
    rateLimiter: new RateLimiter(config.rateLimitPerMinute),
    answers: new AnswerQueue(config.maxConcurrentAnswers, intake),
    admins: createAdminCheck(config),
    trainers: createTrainerCheck(config),
    reindexer: new Reindexer(services),
    work,
    now,
  };
  registerListeners(app, deps);
  app.error(async (error) => {
    reportFailure(logger, 'handling a Slack request', error);
  });

  let started = false;
  let verified = knownIdentity;
  const verify = async () => {
    if (verified) return;
    await verifyToken(app);
    verified = true;
  };
  return {
    app,
    deps,
    verify,
    async start() {
      await verify();
      if (config.mode === 'socket') {
        await app.start();
        started = true;
        return { mode: 'socket', port: null };
      }
      const server = await app.start(options.host ? { port: config.port, host: options.host } : config.port);
      if (intake) server.on('connection', () => intake.noteConnection());
      started = true;
      return { mode: 'http', port: (server.address() as AddressInfo).port };
    },
    async stop({ drainMs = 10_000 } = {}) {
      if (started) await app.stop();
      started = false;
      const drained = await deps.work.idle(drainMs);
      if (!drained) logger.warn(`Stopped with ${deps.work.size} answer(s) still in progress after ${drainMs} ms.`);
    },
    idle: (timeoutMs) => deps.work.idle(timeoutMs),
  };
}

async function verifyToken(app: App): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    const reason = typeof slackError === 'string' ? slackError : error instanceof Error ? error.message : String(error);
    throw new RepbotError('CONFIG_INVALID', `Slack did not accept SLACK_BOT_TOKEN (${reason}).`, {
      cause: error,
      hint: 'Copy the Bot User OAuth Token (xoxb-…) again from "OAuth & Permissions", and reinstall the app to the workspace if its scopes changed.',
    });
  }
}

function requireSetting(value: string | undefined, name: string): string {
  if (value) return value;
  throw new RepbotError('CONFIG_INVALID', `${name} is required for this SLACK_MODE.`, { hint: 'See "Slack set-up" in README.md.' });
}
