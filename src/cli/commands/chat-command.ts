import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { describeError } from '../../core/errors.js';
import { cliUser } from '../cli-user.js';
import type { Command, CommandContext } from '../command.js';
import { formatReply, replyOutput } from '../reply-output.js';

export interface ChatSummary {
  questions: number;
  objections: number;
}

export interface ChatStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const HELP = [
  'Type a question (English or 中文). Follow-ups ("and for kids?", "那儿童呢？") use the previous question.',
  '  /objection <what the HCP said>   draft an objection-handling script',
  '  /new                              start a new thread (forget the context)',
  '  /quit                             leave',
].join('\n');

/**
 * `repbot chat`: a terminal conversation with the assistant, one thread per session (or per
 * `/new`), so follow-ups work as in a Slack thread. Every reply is the same checked reply the
 * other commands print.
 */
export function createChatCommand(streams: () => ChatStreams = () => ({ input: process.stdin, output: process.stdout })): Command<ChatSummary> {
  return {
    name: 'chat',
    summary: 'talk to the assistant in the terminal, with thread context (follow-up questions work)',
    usage: 'repbot chat',
    takesText: false,
    run: (ctx) => chat(ctx, streams()),
    format: (s) => `Bye — ${s.questions} question(s), ${s.objections} objection(s).`,
  };
}

async function chat(ctx: CommandContext, { input, output }: ChatStreams): Promise<ChatSummary> {
  const summary: ChatSummary = { questions: 0, objections: 0 };
  let thread = randomUUID();
  const rl = readline.createInterface({ input, output, terminal: false });
  const say = (text: string) => output.write(`${text}\n`);
  say(`repbot chat — ${HELP}`);
  const prompt = () => output.write('\nrepbot> ');
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      prompt();
      continue;
    }
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') say(HELP);
    else if (line === '/new') {
      thread = randomUUID();
      say('New thread.');
    } else {
      try {
        if (line.startsWith('/objection')) {
          const text = line.slice('/objection'.length).trim();
          if (text === '') say('Usage: /objection <what the HCP said>');
          else {
            summary.objections++;
            say(formatReply(replyOutput(await ctx.services.objection(text, { threadId: thread, user: cliUser(ctx.env), via: 'chat' }))));
          }
        } else {
          summary.questions++;
          say(formatReply(replyOutput(await ctx.services.ask(line, { threadId: thread, user: cliUser(ctx.env), via: 'chat' }))));
        }
      } catch (error) {
        say(`Error: ${describeError(error)}`);
      }
    }
    prompt();
  }
  rl.close();
  return summary;
}

export const chatCommand = createChatCommand();
