import { assertCheckedReply } from '../../compliance/checked-reply.js';
import { OPTION_LETTERS, type QuizSource } from '../../training/quiz/quiz.js';
import type { QuizAnswerText, QuizQuestionText } from '../../training/training-texts.js';
import type { QuizAnswerOutcome, QuizResults, QuizSession } from '../../training/training-types.js';
import { escapeMrkdwn, fitPlainText, mentionOf } from './mrkdwn.js';
import type { Block, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { formattedSections } from './text-sections.js';

export const QUIZ_ANSWER_ACTION = /^repbot_quiz_answer_\d$/;
export const QUIZ_FINISH_ACTION = 'repbot_quiz_finish';

const zh = (language: string) => language === 'zh';
const fit = (text: string) => fitPlainText(text, BLOCK_KIT_LIMITS.sectionText);
const HELD = { en: '_The compliance check held the source sentence back._', zh: '_合规检查未放行出处原文。_' } as const;

// The fixed words around quiz texts (titles, "Finish quiz", letters, "Correct") are UI, as in
// ui-texts.ts; every question, option and quoted answer is a CheckedReply from the filter.

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

/** The checked question as mrkdwn: escaped, each option's letter in bold. */
function questionMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/^([A-E])\) /gm, '*$1*  ');
}

/**
 * One question: the checked stem and lettered options and one button per option. Takes only what
 * the compliance filter produced, and refuses anything else at run time too.
 */
export function quizQuestionMessage(sessionId: string, question: QuizQuestionText, n: number, total: number): SlackMessage {
  const checked = assertCheckedReply(question);
  const q = checked.payload.question;
  return {
    text: fitPlainText(`Question ${n}/${total}: ${checked.text.split('\n')[0] ?? ''}`, 300),
    blocks: [
      ...formattedSections(`*${n}/${total}* ${questionMrkdwn(checked.text)}`),
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

/** The checked approved sentence as a mrkdwn quote (or why it is not shown). */
function quotedAnswer(answer: QuizAnswerText): string {
  const checked = assertCheckedReply(answer);
  if (checked.text.trim() === '') return HELD[checked.payload.language];
  return escapeMrkdwn(checked.text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** What the rep who clicked sees: right or wrong, the answer's letter, and the checked approved sentence it comes from. */
export function quizRevealMessage(outcome: QuizAnswerOutcome): SlackMessage {
  const answer = assertCheckedReply(outcome.answer);
  const letter = OPTION_LETTERS[outcome.correctIndex] ?? '?';
  const head = zh(answer.payload.language)
    ? `${outcome.correct ? '✅ 正确' : '❌ 不正确'}${outcome.repeated ? '（以您第一次的回答为准）' : ''}。答案：*${letter}*`
    : `${outcome.correct ? '✅ Correct' : '❌ Not quite'}${outcome.repeated ? ' (your first answer counts)' : ''}. Answer: *${letter}*`;
  return {
    text: head,
    blocks: [
      ...formattedSections(`${head}\n${quotedAnswer(answer)}`),
      { type: 'context', elements: [{ type: 'mrkdwn', text: fitPlainText(sourceLine(answer.payload.source), BLOCK_KIT_LIMITS.contextText) }] },
    ],
  };
}

const MEDALS = ['🥇', '🥈', '🥉'];

/** The end of a quiz, for the channel: the leaderboard, then each answer with its checked source sentence. */
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
  for (const [i, answer] of results.answers.slice(0, Math.floor(room / 2)).entries()) {
    const checked = assertCheckedReply(answer);
    const letter = OPTION_LETTERS[checked.payload.correctIndex] ?? '?';
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: fit(`*${i + 1}. ${letter}*\n${quotedAnswer(checked)}`) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: fitPlainText(sourceLine(checked.payload.source), BLOCK_KIT_LIMITS.contextText) }] },
    );
  }
  return { text: `${results.productName} quiz leaderboard`, blocks };
}
