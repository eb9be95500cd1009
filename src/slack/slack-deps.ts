import type { Logger } from '@slack/bolt';
import type { Services } from '../services/services.js';
import type { AdminCheck } from './admin-check.js';
import type { AnswerQueue } from './answer-queue.js';
import type { EventDedupe } from './event-dedupe.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Reindexer } from './reindexer.js';
import type { SlackConfig } from './slack-config.js';
import type { TrainerCheck } from './trainer-check.js';
import type { WorkTracker } from './work-tracker.js';

/** What every listener gets: the services and the Slack-side state, created once per app. */
export interface SlackDeps {
  services: Services;
  config: SlackConfig;
  logger: Logger;
  feedback: FeedbackStore;
  dedupe: EventDedupe;
  rateLimiter: RateLimiter;
  answers: AnswerQueue;
  admins: AdminCheck;
  /** Who sees training results in App Home (SLACK_TRAINERS_GROUP). */
  trainers: TrainerCheck;
  reindexer: Reindexer;
  work: WorkTracker;
  now: () => Date;
}
