import { cliUser } from '../cli-user.js';
import type { Command } from '../command.js';
import { type ReplyOutput, formatReply, replyOutput } from '../reply-output.js';

export const askCommand: Command<ReplyOutput> = {
  name: 'ask',
  summary: 'answer a question from approved material, with sources (or route it to Medical Information / pharmacovigilance)',
  usage: 'repbot ask "<question>" [--product P] [--json] [--batch FILE]',
  takesText: true,
  async run(ctx, text) {
    const product = typeof ctx.parsed.values.product === 'string' ? ctx.parsed.values.product : undefined;
    return replyOutput(await ctx.services.ask(text ?? '', { product, user: cliUser(ctx.env), via: 'cli' }));
  },
  format: formatReply,
};
