import { positiveIntOption, stringOption } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { formatQuestion, formatReveal } from '../../training/feedback-text.js';
import { assertCheckedReply } from '../../compliance/checked-reply.js';
import { OPTION_LETTERS } from '../../training/quiz/quiz.js';
import type { CheckedQuiz, QuizResults } from '../../training/training-types.js';
import { type TerminalStreams, defaultStreams, lineReader, problemError, terminalUser, trainingLanguage } from './training-cli.js';

export type QuizOutput = { kind: 'questions'; quiz: CheckedQuiz; toJSON(): unknown } | { kind: 'results'; results: QuizResults; user: string };

/**
 * `quiz --json`: each question's data (options, answer, source) with the text the compliance
 * filter passed (`text`: stem and options as shown) and its result.
 */
function questionsOutput(quiz: CheckedQuiz): QuizOutput {
  const questions = quiz.questions.map((q) => {
    const checked = assertCheckedReply(q);
    return { ...checked.payload.question, text: checked.text, compliance: checked.compliance, auditId: checked.payload.auditId };
  });
  return { kind: 'questions', quiz, toJSON: () => ({ kind: 'questions', quiz: { ...quiz, questions } }) };
}

/**
 * `repbot quiz [--product P] [-n N] [--lang en|zh]`: a multiple-choice quiz from the approved
 * material in the terminal, each answer revealed with its source; the result is stored with
 * the trainer results. With `--json`, prints the generated questions instead (no quiz is run).
 */
export function createQuizCommand(streams: () => TerminalStreams = defaultStreams): Command<QuizOutput> {
  return {
    name: 'quiz',
    summary: 'a multiple-choice quiz from the approved material (--json: print the questions)',
    usage: 'repbot quiz --product zorvex -n 5 [--lang zh]',
    takesText: false,
    run: (ctx) => runQuiz(ctx, streams()),
    format(out) {
      if (out.kind === 'questions') return out.quiz.questions.map((q, i) => `${formatQuestion(q, i + 1, out.quiz.questions.length)}\n   → ${OPTION_LETTERS[q.payload.question.correct]}`).join('\n\n');
      const me = out.results.leaderboard.find((e) => e.user === out.user);
      return out.results.language === 'zh'
        ? `测验结束：答对 ${me?.correct ?? 0}/${out.results.answers.length}（${me?.score ?? 0}%）。`
        : `Quiz over: ${me?.correct ?? 0} of ${out.results.answers.length} correct (${me?.score ?? 0}%).`;
    },
  };
}

async function runQuiz(ctx: CommandContext, streams: TerminalStreams): Promise<QuizOutput> {
  const product = stringOption(ctx.parsed.values.product) ?? '';
  const n = positiveIntOption(ctx.parsed.values.n, 'n', 5);
  const language = trainingLanguage(ctx);
  if (ctx.parsed.global.json) {
    const quiz = await ctx.services.training.generateQuiz({ product, n, language, user: terminalUser(ctx) });
    if (!quiz.ok) throw problemError(quiz.error);
    return questionsOutput(quiz.value);
  }
  const user = terminalUser(ctx);
  const started = await ctx.services.training.startQuiz({ product, n, language, user });
  if (!started.ok) throw problemError(started.error);
  const { questions } = started.value;
  const say = (text: string) => streams.output.write(`${text}\n`);
  say(language === 'zh' ? `${started.value.productName} 测验：${questions.length} 题。输入字母作答（q 退出）。` : `${started.value.productName} quiz: ${questions.length} questions. Answer with a letter (q to stop).`);
  const reader = lineReader(streams);
  try {
    for (const [i, checked] of questions.entries()) {
      say(`\n${formatQuestion(checked, i + 1, questions.length)}`);
      const q = checked.payload.question;
      let choice = -1;
      while (choice < 0) {
        const line = await reader.next('> ');
        if (line === null || line.trim().toLowerCase() === 'q') return finish();
        choice = OPTION_LETTERS.slice(0, q.options.length).indexOf(line.trim().toUpperCase() as (typeof OPTION_LETTERS)[number]);
        if (choice < 0) say(language === 'zh' ? `请输入 ${OPTION_LETTERS.slice(0, q.options.length).join('/')}` : `Type ${OPTION_LETTERS.slice(0, q.options.length).join(', ')}.`);
      }
      const answer = await ctx.services.training.answerQuiz({ sessionId: started.value.sessionId, questionId: q.id, user, choice });
      if (!answer.ok) throw problemError(answer.error);
      say(formatReveal(answer.value.answer, answer.value.correct, language));
    }
  } finally {
    reader.close();
  }
  return finish();

  async function finish(): Promise<QuizOutput> {
    const results = await ctx.services.training.finishQuiz({ sessionId: started.ok ? started.value.sessionId : '', user });
    if (!results.ok) throw problemError(results.error);
    return { kind: 'results', results: results.value, user };
  }
}

export const quizCommand = createQuizCommand();
