import type { webApi } from '@slack/bolt';
import { createMemberCheck } from './member-check.js';
import type { SlackConfig } from './slack-config.js';

export interface TrainerCheck {
  /** Whether anyone can be a trainer (SLACK_TRAINERS_GROUP or SLACK_ADMIN_USERS is set). */
  readonly configured: boolean;
  isTrainer(user: string, client: webApi.WebClient): Promise<boolean>;
}

/**
 * Trainers are the members of SLACK_TRAINERS_GROUP, plus the users in SLACK_ADMIN_USERS (read
 * from Slack, cached for a minute). With neither setting, nobody sees the trainer summary.
 */
export function createTrainerCheck(config: Pick<SlackConfig, 'adminUsers' | 'trainersGroup'>, now: () => number = Date.now): TrainerCheck {
  const members = createMemberCheck(config.adminUsers, config.trainersGroup, now);
  return { configured: members.configured, isTrainer: (user, client) => members.isMember(user, client) };
}
