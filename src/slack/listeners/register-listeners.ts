import type { App } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.js';
import { registerAppHomeOpened } from './app-home-opened.js';
import { registerAppMention } from './app-mention.js';
import { registerDirectMessage } from './direct-message.js';
import { registerFeedbackAction } from './feedback-action.js';
import { registerFeedbackComment } from './feedback-comment.js';
import { registerHomeReindexAction } from './home-reindex-action.js';
import { registerQuizActions } from './quiz-actions.js';
import { registerRepbotCommand } from './repbot-command.js';
import { registerRoleplayReplies } from './roleplay-reply.js';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerAppMention(app, deps);
  registerDirectMessage(app, deps);
  registerRepbotCommand(app, deps);
  registerQuizActions(app, deps);
  registerRoleplayReplies(app, deps);
  registerAppHomeOpened(app, deps);
  registerFeedbackAction(app, deps);
  registerFeedbackComment(app, deps);
  registerHomeReindexAction(app, deps);
}
