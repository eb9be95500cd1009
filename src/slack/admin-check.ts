import type { webApi } from '@slack/bolt';
import { createMemberCheck } from './member-check.js';
import type { SlackConfig } from './slack-config.js';

export interface AdminCheck {
  /** Whether anyone can be an admin (SLACK_ADMIN_USERS or SLACK_MEDICAL_AFFAIRS_GROUP is set). */
  readonly configured: boolean;
  isAdmin(user: string, client: webApi.WebClient): Promise<boolean>;
}

/**
 * Admins are the users listed in SLACK_ADMIN_USERS plus the members of the medical-affairs user
 * group (read from Slack, cached for a minute). With neither setting, nobody is an admin.
 */
export function createAdminCheck(config: Pick<SlackConfig, 'adminUsers' | 'medicalAffairsGroup'>, now: () => number = Date.now): AdminCheck {
  const members = createMemberCheck(config.adminUsers, config.medicalAffairsGroup, now);
  return { configured: members.configured, isAdmin: (user, client) => members.isMember(user, client) };
}
