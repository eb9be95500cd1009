import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.js';
import { questionEventHandler } from './question-event.js';

/** `@repbot …` in a channel: answered in the message's thread. */
export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', questionEventHandler(deps));
}
