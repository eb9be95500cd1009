import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.js';
import { questionEventHandler } from './question-event.js';

/** A direct message to repbot (message.im): answered in its thread, like a mention. */
export function registerDirectMessage(app: App, deps: SlackDeps): void {
  app.event('message', questionEventHandler(deps));
}
