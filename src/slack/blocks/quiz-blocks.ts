import { OPTION_LETTERS, type QuizQuestion, type QuizSource } from '../../training/quiz/quiz.js';
import type { QuizAnswerOutcome, QuizResults, QuizSession } from '../../training/training-types.js';
import { escapeMrkdwn, fitPlainText, mentionOf } from './mrkdwn.js';
import type { Block, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';

export const QUIZ_ANSWER_ACTION = /^repbot_quiz_answer_\d$/;
export const QUIZ_FINISH_ACTION = 'repbot_quiz_finish';

const zh = (language: string) => language === 'zh';
const fit = (text: string) => fitPlainText(text, BLOCK_KIT_LIMITS.sectionText);

/** The message that opens a quiz in a channel: what it is, and the trainer's "finish" button. */
export function quizHeaderMessage(quiz: QuizSession, startedBy: string): SlackMessage {
  const text = zh(quiz.language)
    ? `📝 *${escapeMrkdwn(quiz.productName)} 知识测验*（<@${startedBy}> 发起）：${quiz.questions.length} 道题，均出自已批准资料。在本帖中点按钮作答，答案和出处只对您显示。`
    : `📝 *${escapeMrkdwn(quiz.productName)} quiz* started by <@${startedBy}>: ${quiz.questions.length} questions from the approved material. Answer with the buttons in this thread; the answer and its source are shown to you alone.`;
  return {
    text: `${quiz.productName} quiz`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: QUIZ_FINISH_ACTION,
            value: quiz.sessionId,
            text: { type: 'plain_text', text: zh(quiz.language) ? '结束测验并公布排名' : 'Finish quiz & show leaderboard' },
          },
        ],
      },
    ],
  };
}

/** One question: the prompt, the lettered options and one button per option. */
export function quizQuestionMessage(sessionId: string, q: QuizQuestion, n: number, total: number): SlackMessage {
  const options = q.options.map((o, i) => `*${OPTION_LETTERS[i]}*  ${escapeMrkdwn(o)}`).join('\n');
  return {
    text: `Question ${n}/${total}: ${q.prompt}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(`*${n}/${total}* ${escapeMrkdwn(q.prompt)}\n\n${options}`) } },
      {
        type: 'actions',
        block_id: `quiz_${q.id}`,
        elements: q.options.map((_, i) => ({
          type: 'button' as const,
          action_id: `repbot_quiz_answer_${i}`,
          value: `${sessionId}|${q.id}|${i}`,
          text: { type: 'plain_text' as const, text: OPTION_LETTERS[i] ?? String(i + 1) },
        })),
      },
    ],
  };
}

export function sourceLine(s: QuizSource): string {
  return `${escapeMrkdwn(s.title)}${s.section ? `, ${escapeMrkdwn(s.section)}` : ''}${s.page ? `, p. ${s.page}` : ''} · ${escapeMrkdwn(s.approvalCode)}`;
}

/** What the rep who clicked sees: right or wrong, the answer, and the approved sentence it comes from. */
export function quizRevealMessage(outcome: QuizAnswerOutcome, language: string): SlackMessage {
  const letter = OPTION_LETTERS[outcome.correctIndex] ?? '?';
  const head = zh(language)
    ? `${outcome.correct ? '✅ 正确' : '❌ 不正确'}${outcome.repeated ? '（以您第一次的回答为准）' : ''}。答案：*${letter}* ${escapeMrkdwn(outcome.correctOption)}`
    : `${outcome.correct ? '✅ Correct' : '❌ Not quite'}${outcome.repeated ? ' (your first answer counts)' : ''}. Answer: *${letter}* ${escapeMrkdwn(outcome.correctOption)}`;
  return {
    text: head,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fit(`${head}\n> ${escapeMrkdwn(outcome.source.quote)}`) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: fitPlainText(sourceLine(outcome.source), BLOCK_KIT_LIMITS.contextText) }] },
    ],
  };
}

const MEDALS = ['🥇', '🥈', '🥉'];

/** The end of a quiz, for the channel: the leaderboard, then each answer with its source. */
export function quizLeaderboardMessage(results: QuizResults): SlackMessage {
  const z = zh(results.language);
  const board =
    results.leaderboard.length === 0
      ? z ? '没有人作答。' : 'Nobody answered.'
      : results.leaderboard.map((e, i) => `${MEDALS[i] ?? `${i + 1}.`} ${mentionOf(e.user)}  ${e.correct}/${e.total} (${e.score}%)`).join('\n');
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: fitPlainText(z ? `${results.productName} 测验排名` : `${results.productName} quiz — leaderboard`, BLOCK_KIT_LIMITS.headerText) } },
    { type: 'section', text: { type: 'mrkdwn', text: fit(board) } },
    { type: 'divider' },
  ];
  const room = BLOCK_KIT_LIMITS.blocksPerMessage - blocks.length;
  for (const [i, q] of results.questions.slice(0, Math.floor(room / 2)).entries()) {
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: fit(`*${i + 1}.* ${escapeMrkdwn(q.prompt)}\n*${OPTION_LETTERS[q.correct]}* ${escapeMrkdwn(q.options[q.correct] ?? '')} — “${escapeMrkdwn(q.source.quote)}”`) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: fitPlainText(sourceLine(q.source), BLOCK_KIT_LIMITS.contextText) }] },
    );
  }
  return { text: `${results.productName} quiz leaderboard`, blocks };
}
