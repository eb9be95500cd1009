import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { toReply } from '../../../src/answering/reply-document.js';
import { loadConfig } from '../../../src/config/config.js';
import { type ServiceOptions, createServices } from '../../../src/services/create-services.js';
import type { Services } from '../../../src/services/services.js';
import { escapeMrkdwn } from '../../../src/slack/blocks/mrkdwn.js';
import { createSlackLogger } from '../../../src/slack/slack-logger.js';
import { EVENTS_PATH } from '../../../src/slack/create-app.js';
import { type RunningSlackBot, startSlackBot } from '../../../src/slack/start.js';
import { tempDir } from '../../helpers/temp-knowledge.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { BOT_ID, BOT_USER, SIGNING_SECRET } from './signed-requests.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const BOT_TOKEN = 'xoxb-1111111111-2222222222-TESTTOKENabcdef';
export const PV_CHANNEL = 'C0PVSAFE1';
export const UPDATES_CHANNEL = 'C0UPDATE1';
export const ADMIN_USER = 'U0ADMIN01';
export const MA_GROUP = 'S0MEDAFF1';
export const MA_MEMBER = 'U0MEDAFF1';

export interface BotHarness {
  fake: FakeSlackApi;
  services: Services;
  running: RunningSlackBot;
  /** The HTTP receiver's endpoint for events, commands and interactions. */
  url: string;
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real services over the sample knowledge (temp data dir), a fake Slack Web API, and the
 * real Bolt app in HTTP mode on an ephemeral port, started through `startSlackBot`.
 */
export async function startHarness(
  options: {
    env?: Record<string, string>;
    services?: ServiceOptions;
    identity?: boolean;
    beforeStart?: (fake: FakeSlackApi) => void;
    /** Default: the sample knowledge in the repository (not watched). */
    knowledgeDir?: string;
    /** Default: a fresh temporary folder (no index yet). */
    dataDir?: string;
    watchDebounceMs?: number;
  } = {},
): Promise<BotHarness> {
  const fake = new FakeSlackApi();
  await fake.start();
  fake.usergroups.set(MA_GROUP, [MA_MEMBER]);
  options.beforeStart?.(fake);
  const config = loadConfig({ REPBOT_DATA_DIR: options.dataDir ?? tempDir('repbot-slack-') }, { knowledgeDir: options.knowledgeDir ?? path.join(REPO_ROOT, 'knowledge') }, REPO_ROOT);
  const services = await createServices(config, options.services);
  const logs: string[] = [];
  const logger = createSlackLogger({ level: LogLevel.DEBUG, sink: (line) => logs.push(line), secrets: [BOT_TOKEN, SIGNING_SECRET] });
  const running = await startSlackBot(
    services,
    {
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      SLACK_PV_CHANNEL: PV_CHANNEL,
      SLACK_UPDATES_CHANNEL: UPDATES_CHANNEL,
      SLACK_ADMIN_USERS: ADMIN_USER,
      SLACK_MEDICAL_AFFAIRS_GROUP: MA_GROUP,
      ...options.env,
    },
    {
      ...(options.identity === false ? {} : { botId: BOT_ID, botUserId: BOT_USER }),
      retryConfig: { retries: 0 },
      host: '127.0.0.1',
      logger,
      stopOnSignals: false,
      watchKnowledge: options.watchDebounceMs === undefined ? false : { debounceMs: options.watchDebounceMs },
    },
  );
  return {
    fake,
    services,
    running,
    url: `http://127.0.0.1:${running.port}${EVENTS_PATH}`,
    logs,
    async close() {
      await running.stop();
      await services.close();
      await fake.stop();
    },
  };
}

/** Waits until the bot has no answer in progress and Slack calls have stopped arriving. */
export async function settle(h: BotHarness, quietMs = 100): Promise<void> {
  for (;;) {
    await h.running.bot.idle();
    const before = h.fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    if (h.fake.calls.length === before && h.running.bot.deps.work.size === 0) return;
  }
}

/** Every block's text in a recorded message, joined: what the user would read. */
export function readable(args: Record<string, unknown>): string {
  return JSON.stringify(args.blocks ?? args.text ?? '');
}

/**
 * What the services answer to `question` (in a thread of its own), line by line, as the
 * blocks would carry it. The Slack layer's contract is to post exactly the checked reply.
 */
export async function expectedLines(h: BotHarness, question: string): Promise<string[]> {
  const reply = toReply(await h.services.ask(question, { threadId: `expected-${Math.random()}` }));
  return reply.answer
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => JSON.stringify(escapeMrkdwn(l)).slice(1, -1));
}

/** Records how the bot called `services.ask` until `restore()`. */
export function spyOnAsk(h: BotHarness): { calls: Array<{ question: string; threadId: string | undefined; user: string | undefined }>; restore(): void } {
  const original = h.services.ask;
  const calls: Array<{ question: string; threadId: string | undefined; user: string | undefined }> = [];
  h.services.ask = (question, options) => {
    calls.push({ question, threadId: options?.threadId, user: options?.user });
    return original(question, options);
  };
  return {
    calls,
    restore() {
      h.services.ask = original;
    },
  };
}
