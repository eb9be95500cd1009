import { randomUUID } from 'node:crypto';
import { stringOption } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { assertCheckedReply } from '../../compliance/checked-reply.js';
import { formatScore } from '../../training/feedback-text.js';
import type { DoctorLine } from '../../training/training-texts.js';
import type { RoleplayStep } from '../../training/training-types.js';
import { type TerminalStreams, defaultStreams, lineReader, problemError, terminalUser, trainingLanguage } from './training-cli.js';

/**
 * `repbot roleplay [--product P] [--persona NAME] [--lang en|zh]`: the bot plays a doctor in
 * the terminal; type your replies, `/end` to stop early. Scored with the rubric and stored.
 */
export function createRoleplayCommand(streams: () => TerminalStreams = defaultStreams): Command<RoleplayStep> {
  return {
    name: 'roleplay',
    summary: 'practise an objection with a doctor persona in the terminal; scored with the rubric',
    usage: 'repbot roleplay --product zorvex --persona skeptical',
    takesText: false,
    run: (ctx) => runRoleplay(ctx, streams()),
    format: (step) => (step.result ? formatScore(step.result.scored, step.result.feedback) : step.language === 'zh' ? '未作答，未评分。' : 'No reply given, nothing scored.'),
  };
}

async function runRoleplay(ctx: CommandContext, streams: TerminalStreams): Promise<RoleplayStep> {
  const key = `cli:${randomUUID()}`;
  const user = terminalUser(ctx);
  const language = trainingLanguage(ctx);
  const start = await ctx.services.training.startRoleplay({ product: stringOption(ctx.parsed.values.product), persona: stringOption(ctx.parsed.values.persona), language, user, key });
  if (!start.ok) throw problemError(start.error);
  const say = (text: string) => streams.output.write(`${text}\n`);
  const doctor = start.value.persona.name;
  say(language === 'zh' ? `角色扮演：${start.value.productName}，${doctor}。输入您的回答（/end 结束）。` : `Role-play: ${start.value.productName} with ${doctor}. Type your replies (/end to finish).`);
  say(`\n${doctor}: ${lineOf(start.value.doctor)}`);
  const reader = lineReader(streams);
  try {
    for (;;) {
      const line = await reader.next('\nyou> ');
      if (line === null || line.trim() === '/end') break;
      if (line.trim() === '') continue;
      const step = await ctx.services.training.roleplayTurn({ key, user, text: line });
      if (!step.ok) throw problemError(step.error);
      if (step.value.doctor) say(`${doctor}: ${lineOf(step.value.doctor)}`);
      if (step.value.done) return step.value;
    }
  } finally {
    reader.close();
  }
  const end = await ctx.services.training.endRoleplay({ key, user });
  if (!end.ok) throw problemError(end.error);
  return end.value;
}

export const roleplayCommand = createRoleplayCommand();

/** The doctor's checked line; "…" when the filter let nothing through. */
function lineOf(line: DoctorLine | null): string {
  const text = line ? assertCheckedReply(line).text.trim() : '';
  return text === '' ? '…' : text;
}
