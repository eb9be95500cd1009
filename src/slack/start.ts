import { describeError } from '../core/errors.js';
import type { Services } from '../services/services.js';
import { type SlackAppOptions, type SlackBot, type StartedSlackBot, createSlackApp } from './create-app.js';
import { watchKnowledge } from './knowledge-watcher.js';
import { reindexAfterChanges } from './reindex-flow.js';
import { describeSlackConfig, loadSlackConfig } from './slack-config.js';

export interface StartSlackBotOptions extends SlackAppOptions {
  /** Stop gracefully on SIGINT and SIGTERM (default true). */
  stopOnSignals?: boolean;
  /** Re-index when files in the knowledge folder change (default true; `debounceMs` default 3 s). */
  watchKnowledge?: boolean | { debounceMs: number };
}

export interface RunningSlackBot extends StartedSlackBot {
  readonly bot: SlackBot;
  /** Stops receiving and waits for answers in progress. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves once the bot has stopped (by `stop()` or a signal). */
  readonly closed: Promise<void>;
}

/**
 * `repbot start`: validates the Slack settings (throws CONFIG_INVALID naming each bad one),
 * makes sure the index is current (indexing the knowledge folder first on a fresh install, so the
 * first question is not the slow one; re-reading what changed while the bot was stopped), connects
 * to Slack, starts watching the knowledge folder and returns once it is listening.
 */
export async function startSlackBot(services: Services, env: NodeJS.ProcessEnv = process.env, options: StartSlackBotOptions = {}): Promise<RunningSlackBot> {
  const config = loadSlackConfig(env);
  const bot = createSlackApp(services, config, options);
  const { logger } = bot.deps;
  if (!bot.deps.admins.configured) {
    logger.warn('No admins: set SLACK_ADMIN_USERS or SLACK_MEDICAL_AFFAIRS_GROUP so medical affairs can re-index from Slack.');
  }

  // A bad token should fail before a possibly long first index, not after it.
  await bot.verify();
  const status = await services.status();
  // On a fresh install the whole folder is indexed; otherwise files changed while the bot was
  // stopped, or read differently by this version (a new chunker or embedding model), are re-read
  // before the first question (unchanged files cost a hash).
  if (!status.index) logger.info(`No index yet: indexing ${status.knowledgeDir} before connecting to Slack…`);
  const report = await services.ingest();
  if (!status.index) {
    logger.info(`Indexed ${report.added} documents (${report.chunks} passages); ${report.skipped.length} files not indexed (see /repbot status).`);
  } else if (report.added + report.updated + report.removed > 0 || report.rebuilt) {
    logger.info(
      `Knowledge brought up to date: ${report.added} added, ${report.updated} updated, ${report.removed} removed${report.rebuilt ? ` (rebuilt: ${report.rebuilt})` : ''}.`,
    );
  }

  const started = await bot.start();
  const watcher =
    options.watchKnowledge === false
      ? null
      : watchKnowledge({
          dir: services.config.knowledgeDir,
          ...(typeof options.watchKnowledge === 'object' ? { debounceMs: options.watchKnowledge.debounceMs } : {}),
          logger,
          onChange: (files) => bot.deps.work.track(reindexAfterChanges(bot.deps, bot.app.client, files)),
        });
  logger.info(`repbot is running in ${started.mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${started.port}`}.`, describeSlackConfig(config));

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let stopping: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info(`${signal} received: finishing answers in progress, then stopping.`);
    void stop();
  };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      watcher?.close();
      try {
        await bot.stop();
      } catch (error) {
        logger.error(`Error while stopping: ${describeError(error)}`);
      } finally {
        resolveClosed();
      }
    })();
    return stopping;
  };
  if (options.stopOnSignals !== false) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { ...started, bot, stop, closed };
}
