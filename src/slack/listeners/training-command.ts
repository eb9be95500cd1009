import type { RespondFn, SlashCommand, webApi } from '@slack/bolt';
import { findPersona } from '../../training/persona.js';
import { errorMessage } from '../blocks/notice-messages.js';
import { quizHeaderMessage, quizQuestionMessage } from '../blocks/quiz-blocks.js';
import { doctorMessage, roleplayHeaderMessage } from '../blocks/roleplay-blocks.js';
import { reportFailure } from '../failure-report.js';
import type { SlackDeps } from '../slack-deps.js';
import { parseQuizArgs, parseRoleplayArgs } from '../training-args.js';

interface CommandArgs {
  command: SlashCommand;
  respond: RespondFn;
  client: webApi.WebClient;
}

const tell = (respond: RespondFn, text: string) => respond({ response_type: 'ephemeral', replace_original: true, text }).catch(() => {});

/** Slack cannot post where the bot is not a member: say what to do. */
function postFailure(error: unknown): string | null {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  if (code === 'not_in_channel' || code === 'channel_not_found') return 'I cannot post in this channel: invite me first (`/invite @repbot`), then try again.';
  return null;
}

/**
 * `/repbot quiz [product] [n]`: the quiz header in the channel, each question in its thread
 * with one button per option. The slash command was acknowledged before this runs.
 */
export async function startQuizFromSlack(deps: SlackDeps, { command, respond, client }: CommandArgs, rest: string): Promise<void> {
  const args = parseQuizArgs(rest);
  try {
    const quiz = await deps.services.training.startQuiz({ ...args, user: command.user_id, channel: command.channel_id, key: `slack:${command.team_id}:${command.channel_id}:quiz:${Date.now()}` });
    if (!quiz.ok) {
      await tell(respond, quiz.error.message);
      return;
    }
    const header = await client.chat.postMessage({ channel: command.channel_id, ...quizHeaderMessage(quiz.value, command.user_id) });
    const thread = header.ts as string;
    for (const [i, q] of quiz.value.questions.entries()) {
      await client.chat.postMessage({ channel: command.channel_id, thread_ts: thread, ...quizQuestionMessage(quiz.value.sessionId, q, i + 1, quiz.value.questions.length) });
    }
    await tell(respond, `Quiz posted: ${quiz.value.questions.length} question(s). Press "Finish quiz" on it to show the leaderboard.`);
  } catch (error) {
    const known = postFailure(error);
    const ref = known ? '' : reportFailure(deps.logger, 'starting a quiz', error, { user: command.user_id });
    await tell(respond, known ?? errorMessage(ref, args.language).text);
  }
}

/**
 * `/repbot roleplay [product] [persona]`: a header message whose thread is the role-play; the
 * doctor's opening objection is the first reply. Rep replies in that thread go to the role-play.
 */
export async function startRoleplayFromSlack(deps: SlackDeps, { command, respond, client }: CommandArgs, rest: string): Promise<void> {
  const personas = deps.services.training.personas;
  const args = parseRoleplayArgs(rest, (w) => findPersona(personas, w) !== undefined);
  try {
    const header = await client.chat.postMessage({ channel: command.channel_id, ...roleplayHeaderMessage(command.user_id, args.language, args.product) });
    const thread = header.ts as string;
    const started = await deps.services.training.startRoleplay({ ...args, user: command.user_id, channel: command.channel_id, key: `slack:${command.team_id}:${command.channel_id}:${thread}` });
    if (!started.ok) {
      await client.chat.update({ channel: command.channel_id, ts: thread, text: `🎭 ${started.error.message}`, blocks: [] });
      await tell(respond, started.error.message);
      return;
    }
    await client.chat.postMessage({ channel: command.channel_id, thread_ts: thread, ...doctorMessage(started.value) });
    await tell(respond, `Role-play started with ${started.value.persona.name} (${started.value.productName}): reply in its thread.`);
  } catch (error) {
    const known = postFailure(error);
    const ref = known ? '' : reportFailure(deps.logger, 'starting a role-play', error, { user: command.user_id });
    await tell(respond, known ?? errorMessage(ref, args.language).text);
  }
}

const OVERRIDE_USAGE = 'Usage: `/repbot override <attempt> <score 0–100> <reason>` — the attempt number is in the score message and in App Home.';

/**
 * `/repbot override <attempt> <score> <reason>`: a trainer replaces an attempt's score; the
 * previous score, the trainer and the reason are kept (nothing is overwritten). Trainers only.
 */
export async function overrideScoreFromSlack(deps: SlackDeps, { command, respond, client }: CommandArgs, rest: string): Promise<void> {
  try {
    if (!(await deps.trainers.isTrainer(command.user_id, client))) {
      await tell(respond, 'Only trainers can override a score (members of SLACK_TRAINERS_GROUP, or SLACK_ADMIN_USERS).');
      return;
    }
    const m = /^#?(\d+)\s+(\d{1,3})\s+(\S[\s\S]*)$/.exec(rest.trim());
    if (!m) {
      await tell(respond, OVERRIDE_USAGE);
      return;
    }
    const done = deps.services.training.overrideScore({ attemptId: Number(m[1]), trainer: command.user_id, score: Number(m[2]), reason: m[3] as string });
    await tell(respond, done.ok ? `Attempt #${done.value.attemptId}: score ${done.value.previousScore} → ${done.value.score}. Reason kept: “${done.value.reason}”.` : done.error.message);
  } catch (error) {
    const ref = reportFailure(deps.logger, 'overriding a training score', error, { user: command.user_id });
    await tell(respond, errorMessage(ref, 'en').text);
  }
}
