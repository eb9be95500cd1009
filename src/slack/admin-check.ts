import type { webApi } from '@slack/bolt';
import type { SlackConfig } from './slack-config.js';

export interface AdminCheck {
  /** Whether anyone can be an admin (SLACK_ADMIN_USERS or SLACK_MEDICAL_AFFAIRS_GROUP is set). */
  readonly configured: boolean;
  isAdmin(user: string, client: webApi.WebClient): Promise<boolean>;
}

const GROUP_TTL_MS = 60_000;

/**
 * Admins are the users listed in SLACK_ADMIN_USERS plus the members of the medical-affairs user
 * group. Group membership is read from Slack (usergroups:read) and cached for a minute, so a
 * removal takes effect within that minute. With neither setting, nobody is an admin.
 */
export function createAdminCheck(config: Pick<SlackConfig, 'adminUsers' | 'medicalAffairsGroup'>, now: () => number = Date.now): AdminCheck {
  const listed = new Set(config.adminUsers);
  const group = config.medicalAffairsGroup;
  let cache: { members: Set<string>; until: number } | null = null;
  return {
    configured: listed.size > 0 || group !== undefined,
    async isAdmin(user, client) {
      if (listed.has(user)) return true;
      if (!group) return false;
      if (!cache || cache.until <= now()) {
        const result = await client.usergroups.users.list({ usergroup: group });
        cache = { members: new Set(result.users ?? []), until: now() + GROUP_TTL_MS };
      }
      return cache.members.has(user);
    },
  };
}
