import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import type { CommandContext } from '../../src/cli/command.js';
import { createQuizCommand } from '../../src/cli/commands/quiz-command.js';
import { createRoleplayCommand } from '../../src/cli/commands/roleplay-command.js';
import type { Services } from '../../src/services/services.js';
import { runCli } from '../helpers/run-cli.js';
import { SAMPLE_KNOWLEDGE } from '../helpers/answer-services.js';
import { trainingServices } from './helpers/training-services.js';

let services: Services;
let dataDir: string;

beforeAll(async () => {
  ({ services, dataDir } = await trainingServices());
}, 60_000);

afterAll(async () => {
  await services.close();
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

function context(argv: string[]): CommandContext {
  return { services, parsed: parseCommandLine(argv), stderr: new Capture(), interactive: true, env: {} };
}

describe('training on the command line', () => {
  it('`repbot quiz --json` prints the generated questions with their sources', async () => {
    const env = { KNOWLEDGE_DIR: SAMPLE_KNOWLEDGE, REPBOT_DATA_DIR: dataDir };
    const out = await runCli(['quiz', '--product', 'zorvex', '-n', '4', '--lang', 'zh', '--json'], env);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const parsed = JSON.parse(out.stdout) as { kind: string; quiz: { questions: Array<{ language: string; options: string[]; source: { approvalCode: string } }> } };
    expect(parsed.kind).toBe('questions');
    expect(parsed.quiz.questions).toHaveLength(4);
    for (const q of parsed.quiz.questions) {
      expect(q.language).toBe('zh');
      expect(q.source.approvalCode).toMatch(/^MLR-/);
    }
  });

  it('an interactive quiz reveals each answer with its source and stores the result', async () => {
    const input = new PassThrough();
    const output = new Capture();
    const command = createQuizCommand(() => ({ input, output }));
    input.end('A\nB\nC\n');
    const result = await command.run(context(['quiz', '--product', 'calmira', '-n', '3', '--user', 'rep-7']), undefined);
    expect(result.kind).toBe('results');
    expect(output.text.match(/MLR-\d{4}-\d{4}/g)?.length).toBeGreaterThanOrEqual(3);
    expect(command.format(result)).toMatch(/of 3 correct/);
    const stored = services.training.results({ user: 'rep-7', kind: 'quiz' });
    expect(stored).toHaveLength(1);
  });

  it('a terminal role-play ends with a score and the handler it could have used', async () => {
    const input = new PassThrough();
    const output = new Capture();
    const command = createRoleplayCommand(() => ({ input, output }));
    input.end('I understand, cost is an important consideration. Is your concern the cost to the patient, or coverage?\n/end\n');
    const step = await command.run(context(['roleplay', '--product', 'zorvex', '--persona', 'cost', '--user', 'rep-8']), undefined);
    expect(step.done).toBe(true);
    expect(command.format(step)).toMatch(/Score: \d+\/100/);
    expect(command.format(step)).toContain('MLR-2025-0107');
  });

  it('`repbot results --csv` exports the attempts; `repbot override` records a reason', async () => {
    const env = { KNOWLEDGE_DIR: SAMPLE_KNOWLEDGE, REPBOT_DATA_DIR: dataDir };
    await services.close();
    const id = (await runCli(['results', '--json'], env));
    const attempts = (JSON.parse(id.stdout) as { attempts: Array<{ id: number; user: string }> }).attempts;
    expect(attempts.map((a) => a.user)).toEqual(expect.arrayContaining(['rep-7', 'rep-8']));
    const target = attempts.find((a) => a.user === 'rep-8');
    const noReason = await runCli(['override', String(target?.id), '70'], env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/reason/);
    const ok = await runCli(['override', String(target?.id), '70', '--reason', 'Good technique, cut short', '--user', 'trainer-1'], env);
    expect(ok.code).toBe(0);
    const csv = await runCli(['results', '--csv', '--from', '2000-01-01'], env);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^attempt_id,at,kind,user/);
    expect(lines.find((l) => l.includes('rep-8'))).toContain('Good technique, cut short');
    ({ services } = await trainingServices({ dataDir, ingest: false }));
  });
});
