import fs from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { RepbotError, describeError, isRepbotError } from '../core/errors.js';
import { createServices } from '../services/create-services.js';
import { type ParsedCommand, parseCommandLine } from './args.js';
import type { Command, CommandContext } from './command.js';
import { askCommand } from './commands/ask-command.js';
import { auditCommand } from './commands/audit-command.js';
import { checkCommand } from './commands/check-command.js';
import { chatCommand } from './commands/chat-command.js';
import { feedbackCommand } from './commands/feedback-command.js';
import { gapsCommand } from './commands/gaps-command.js';
import { ingestCommand } from './commands/ingest-command.js';
import { objectionCommand } from './commands/objection-command.js';
import { overrideCommand } from './commands/override-command.js';
import { quizCommand } from './commands/quiz-command.js';
import { resultsCommand } from './commands/results-command.js';
import { roleplayCommand } from './commands/roleplay-command.js';
import { searchCommand } from './commands/search-command.js';
import { startCommand } from './commands/start-command.js';
import { statusCommand } from './commands/status-command.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  interactive: boolean;
}

const COMMANDS: Command<never>[] = [ingestCommand, searchCommand, askCommand, objectionCommand, checkCommand, chatCommand, statusCommand, auditCommand, quizCommand, roleplayCommand, resultsCommand, overrideCommand, startCommand, feedbackCommand, gapsCommand] as unknown as Command<never>[];

/** Runs one command line; returns the exit code (0 ok, 1 failed, 2 usage error). */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let parsed: ParsedCommand;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    return reportError(io, error);
  }
  if (parsed.command === 'help' || parsed.values.help) {
    io.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (parsed.command === 'version') {
    io.stdout.write('repbot 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === parsed.command);
  if (!command) {
    return reportError(
      io,
      new RepbotError('USAGE', `Unknown command "${parsed.command}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run \`repbot --help\`.`),
    );
  }
  try {
    const config = loadConfig(io.env, { knowledgeDir: parsed.global.knowledge, dataDir: parsed.global.data }, io.cwd);
    const services = await createServices(config, { log: (line) => io.stderr.write(`${line}\n`) });
    const ctx: CommandContext = { services, parsed, stderr: io.stderr, interactive: io.interactive, env: io.env };
    try {
      if (parsed.global.batch !== undefined) return await runBatch(command, ctx, parsed.global.batch, io);
      const text = command.takesText ? parsed.positionals.join(' ').trim() : undefined;
      if (command.takesText && !text) {
        throw new RepbotError('USAGE', `"${command.name}" needs a text. Usage: ${command.usage}`);
      }
      const result = await command.run(ctx, text);
      io.stdout.write(parsed.global.json ? `${JSON.stringify(result, null, 2)}\n` : `${command.format(result as never)}\n`);
      return 0;
    } finally {
      await services.close();
    }
  } catch (error) {
    return reportError(io, error);
  }
}

/** `--batch FILE`: JSON lines `{"id","text"}` in, one `{"id","result"}` (or `{"id","error"}`) line out per input. */
async function runBatch(command: Command<never>, ctx: CommandContext, file: string, io: CliIo): Promise<number> {
  if (!command.takesText) throw new RepbotError('USAGE', `"${command.name}" does not take --batch.`);
  let raw: string;
  try {
    raw = file === '-' ? await readStdin() : await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new RepbotError('INPUT_INVALID', `Cannot read the batch file ${file}: ${describeError(error)}`, { cause: error });
  }
  let failures = 0;
  const lines = raw.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let item: { id?: unknown; text?: unknown };
    try {
      item = JSON.parse(line) as typeof item;
    } catch {
      failures++;
      io.stderr.write(`${file}: line ${i + 1} is not JSON — each line must look like {"id": "q1", "text": "..."}\n`);
      continue;
    }
    const id = typeof item.id === 'string' || typeof item.id === 'number' ? item.id : String(i + 1);
    if (typeof item.text !== 'string' || item.text.trim() === '') {
      failures++;
      io.stdout.write(`${JSON.stringify({ id, error: { code: 'INPUT_INVALID', message: `line ${i + 1}: "text" must be a non-empty string` } })}\n`);
      continue;
    }
    try {
      const result = await command.run(ctx, item.text);
      io.stdout.write(`${JSON.stringify({ id, result })}\n`);
    } catch (error) {
      failures++;
      const code = isRepbotError(error) ? error.code : 'INTERNAL';
      io.stdout.write(`${JSON.stringify({ id, error: { code, message: describeError(error) } })}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

function reportError(io: CliIo, error: unknown): number {
  if (isRepbotError(error)) {
    io.stderr.write(`repbot: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  ${error.hint}\n`);
    return error.code === 'USAGE' ? 2 : 1;
  }
  io.stderr.write(`repbot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'repbot — answers for pharmaceutical field reps from approved, unexpired material only.',
    '',
    'Usage: repbot <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --knowledge DIR   the knowledge folder (default ./knowledge, env KNOWLEDGE_DIR)',
    '  --data DIR        where the index is kept (default ./.repbot, env REPBOT_DATA_DIR)',
    '  --json            print one JSON document',
    '  --batch FILE      JSON lines {"id","text"} in, one JSON line out per input ("-" for stdin)',
    '',
    'Examples:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
  ].join('\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function defaultIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdout.isTTY),
  };
}
