import type { App } from '@slack/bolt';
import { answerQuestion } from '../answer-question.js';
import { buildHelpMessage } from '../blocks/help-message.js';
import { errorMessage, placeholderMessage } from '../blocks/notice-messages.js';
import { buildStatusMessage } from '../blocks/status-blocks.js';
import { reportFailure } from '../failure-report.js';
import { reindexFor } from '../reindex-flow.js';
import { responseUrlTarget } from '../response-url-target.js';
import type { SlackDeps } from '../slack-deps.js';
import { parseRepbotCommand } from '../slash-command.js';
import { overrideScoreFromSlack, startQuizFromSlack, startRoleplayFromSlack } from './training-command.js';
import { detectLanguage } from '../../text/language.js';

/**
 * `/repbot ask|objection|status|reindex|help`. `ack()` comes first, before any await, so Slack
 * gets its answer well within 3 seconds; the work follows and replies through the response URL.
 */
export function registerRepbotCommand(app: App, deps: SlackDeps): void {
  app.command('/repbot', async ({ command, ack, respond, client }) => {
    const parsed = parseRepbotCommand(command.text);
    if (parsed.sub === 'unknown' || parsed.sub === 'help') {
      await ack({ response_type: 'ephemeral', ...buildHelpMessage(parsed.sub === 'unknown' ? parsed.word : undefined) });
      return;
    }
    if ((parsed.sub === 'ask' || parsed.sub === 'objection') && parsed.rest === '') {
      const example = parsed.sub === 'ask' ? '/repbot ask max dose of Zorvex for kids?' : '/repbot objection "It costs too much for my patients"';
      await ack({ response_type: 'ephemeral', text: `Add the ${parsed.sub === 'ask' ? 'question' : "HCP's words"} after the command, e.g. \`${example}\`.` });
      return;
    }

    if (parsed.sub === 'ask' || parsed.sub === 'objection') {
      const language = detectLanguage(parsed.rest);
      await ack({ response_type: 'ephemeral', ...placeholderMessage(language) });
      const target = responseUrlTarget(respond, deps.logger, { channel: command.channel_id, language });
      await deps.work.track(
        answerQuestion(deps, client, target, {
          kind: parsed.sub,
          text: parsed.rest,
          user: command.user_id,
          channel: command.channel_id,
          ts: null,
          conversationId: `slack:${command.team_id}:${command.channel_id}:${command.user_id}:command`,
          external: false,
        }),
      );
      return;
    }

    if (parsed.sub === 'quiz' || parsed.sub === 'roleplay') {
      const quiz = parsed.sub === 'quiz';
      await ack({ response_type: 'ephemeral', text: quiz ? '📝 Preparing a quiz from the approved material…' : '🎭 Starting the role-play…' });
      await deps.work.track((quiz ? startQuizFromSlack : startRoleplayFromSlack)(deps, { command, respond, client }, parsed.rest));
      return;
    }

    if (parsed.sub === 'override') {
      await ack({ response_type: 'ephemeral', text: 'Overriding the score…' });
      await deps.work.track(overrideScoreFromSlack(deps, { command, respond, client }, parsed.rest));
      return;
    }

    if (parsed.sub === 'status') {
      await ack({ response_type: 'ephemeral', text: 'Reading the knowledge status…' });
      await deps.work.track(
        (async () => {
          try {
            const status = await deps.services.status();
            await respond({ response_type: 'ephemeral', replace_original: true, ...buildStatusMessage(status) });
          } catch (error) {
            const ref = reportFailure(deps.logger, 'reading the knowledge status', error, { user: command.user_id });
            await respond({ response_type: 'ephemeral', replace_original: true, text: errorMessage(ref, 'en').text }).catch(() => {});
          }
        })(),
      );
      return;
    }

    await ack({ response_type: 'ephemeral', text: '🔄 Re-indexing the knowledge folder… answers keep using the current index until it is done.' });
    await deps.work.track(
      reindexFor(deps, client, command.user_id, async (message) => {
        await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
      }),
    );
  });
}

