import type { webApi } from '@slack/bolt';

export interface MemberCheck {
  /** Whether anyone can be a member (a user list or a group is set). */
  readonly configured: boolean;
  isMember(user: string, client: webApi.WebClient): Promise<boolean>;
}

const GROUP_TTL_MS = 60_000;

/**
 * Members are the listed users plus the members of a Slack user group. Group membership is read
 * from Slack (usergroups:read) and cached for a minute, so a removal takes effect within that
 * minute. With neither, nobody is a member.
 */
export function createMemberCheck(users: readonly string[], group: string | undefined, now: () => number = Date.now): MemberCheck {
  const listed = new Set(users);
  let cache: { members: Set<string>; until: number } | null = null;
  return {
    configured: listed.size > 0 || group !== undefined,
    async isMember(user, client) {
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
