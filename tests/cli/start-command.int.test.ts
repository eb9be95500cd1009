import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');

it('`repbot start` without Slack settings stops at once, naming each missing variable and where to get it', async () => {
  const r = await runCli(['start', '--knowledge', KNOWLEDGE, '--data', tempDir()], {});
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('SLACK_BOT_TOKEN');
  expect(r.stderr).toContain('SLACK_APP_TOKEN');
  expect(r.stderr).not.toMatch(/unexpected error/);
});

it('`repbot start` in HTTP mode names the missing signing secret and rejects a malformed token', async () => {
  const r = await runCli(['start', '--knowledge', KNOWLEDGE, '--data', tempDir()], { SLACK_MODE: 'http', SLACK_BOT_TOKEN: 'not-a-token' });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('SLACK_SIGNING_SECRET');
  expect(r.stderr).toMatch(/SLACK_BOT_TOKEN.*xoxb-/);
});
