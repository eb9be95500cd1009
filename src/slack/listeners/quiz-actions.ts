import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { QUIZ_ANSWER_ACTION, QUIZ_FINISH_ACTION, quizLeaderboardMessage, quizRevealMessage } from '../blocks/quiz-blocks.js';
import { errorMessage } from '../blocks/notice-messages.js';
import { reportFailure } from '../failure-report.js';
import type { SlackDeps } from '../slack-deps.js';

/**
 * Quiz buttons: an answer is recorded (a rep's first click counts) and revealed to that rep
 * alone, with its source; "Finish" (the quiz's starter or a trainer) posts the leaderboard and
 * every answer with its source to the channel.
 */
export function registerQuizActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(QUIZ_ANSWER_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const [sessionId = '', questionId = '', choice = ''] = (action.value ?? '').split('|');
    await deps.work.track(
      (async () => {
        try {
          const outcome = await deps.services.training.answerQuiz({ sessionId, questionId, user: body.user.id, choice: Number(choice) });
          if (!outcome.ok) {
            await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.error.message });
            return;
          }
          await respond({ response_type: 'ephemeral', replace_original: false, ...quizRevealMessage(outcome.value) });
        } catch (error) {
          const ref = reportFailure(deps.logger, 'recording a quiz answer', error, { user: body.user.id });
          await respond({ response_type: 'ephemeral', replace_original: false, text: errorMessage(ref, 'en').text }).catch(() => {});
        }
      })(),
    );
  });

  app.action<BlockAction<ButtonAction>>(QUIZ_FINISH_ACTION, async ({ ack, action, body, respond, client }) => {
    await ack();
    await deps.work.track(
      (async () => {
        try {
          const trainer = await deps.trainers.isTrainer(body.user.id, client).catch(() => false);
          const results = await deps.services.training.finishQuiz({ sessionId: action.value ?? '', user: body.user.id, trainer });
          if (!results.ok) {
            await respond({ response_type: 'ephemeral', replace_original: false, text: results.error.message });
            return;
          }
          const channel = body.channel?.id ?? '';
          const message = quizLeaderboardMessage(results.value);
          // In the quiz's thread, and broadcast so the whole channel sees the leaderboard.
          if (body.message?.ts) await client.chat.postMessage({ channel, thread_ts: body.message.ts, reply_broadcast: true, ...message });
          else await client.chat.postMessage({ channel, ...message });
        } catch (error) {
          const ref = reportFailure(deps.logger, 'finishing a quiz', error, { user: body.user.id });
          await respond({ response_type: 'ephemeral', replace_original: false, text: errorMessage(ref, 'en').text }).catch(() => {});
        }
      })(),
    );
  });
}
