import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BLOCK_KIT_LIMITS } from '../../src/slack/blocks/slack-limits.js';
import { buildFeedbackModal } from '../../src/slack/blocks/feedback-modal.js';

const manifest = parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../slack-app-manifest.yaml'), 'utf8')) as {
  features: { app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean }; slash_commands: Array<{ command: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('slack-app-manifest.yaml', () => {
  it('asks for exactly what the bot uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      ['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history', 'im:read', 'im:write', 'users:read', 'usergroups:read'].sort(),
    );
    // message.channels / message.groups: replies in a role-play's thread (only those are acted on).
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.channels', 'message.groups', 'message.im']);
  });

  it('has the slash command, interactivity, App Home and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/repbot']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('keeps the feedback form within the modal limits', () => {
    const modal = buildFeedbackModal('C0123456789:1710000000.000001:U0123456789');
    for (const label of [modal.title, modal.submit, modal.close]) expect(label?.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.modalTitle);
    expect(modal.private_metadata?.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.privateMetadata);
  });
});
