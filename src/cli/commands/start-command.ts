import { startSlackBot } from '../../slack/start.js';
import type { Command } from '../command.js';

export interface StartSummary {
  mode: 'socket' | 'http';
}

/** `repbot start`: runs the Slack bot until SIGINT/SIGTERM; the Slack settings come from the environment (.env). */
export const startCommand: Command<StartSummary> = {
  name: 'start',
  summary: 'run the Slack bot (Socket Mode by default; SLACK_MODE=http for production)',
  usage: 'repbot start',
  takesText: false,
  async run(ctx) {
    // Every reply is recorded before it is posted: a bot that cannot open its audit log could
    // answer nothing, so it does not start (the error names the file and what to check).
    ctx.services.auditLog();
    const bot = await startSlackBot(ctx.services, ctx.env);
    await bot.closed;
    return { mode: bot.mode };
  },
  format: (s) => `repbot stopped (${s.mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}).`,
};
