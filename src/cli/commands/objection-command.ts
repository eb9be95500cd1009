import { cliUser } from '../cli-user.js';
import type { Command } from '../command.js';
import { type ReplyOutput, formatReply, replyOutput } from '../reply-output.js';

export const objectionCommand: Command<ReplyOutput> = {
  name: 'objection',
  summary: "draft an objection-handling script (acknowledge, clarify, respond, close) for what an HCP said",
  usage: 'repbot objection "<what the HCP said>" [--product P] [--json] [--batch FILE]',
  takesText: true,
  async run(ctx, text) {
    const product = typeof ctx.parsed.values.product === 'string' ? ctx.parsed.values.product : undefined;
    return replyOutput(await ctx.services.objection(text ?? '', { product, user: cliUser(ctx.env), via: 'cli' }));
  },
  format: formatReply,
};
