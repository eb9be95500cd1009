import { PassThrough, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/cli/command.js';
import { parseCommandLine } from '../../src/cli/args.js';
import { askCommand } from '../../src/cli/commands/ask-command.js';
import { createChatCommand } from '../../src/cli/commands/chat-command.js';
import { objectionCommand } from '../../src/cli/commands/objection-command.js';
import type { Services } from '../../src/services/services.js';
import { SAMPLE_KNOWLEDGE, answerServices } from '../helpers/answer-services.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe('CLI ask, objection and chat', () => {
  let services: Services;
  const context = (argv: string[]): CommandContext => ({ services, parsed: parseCommandLine(argv), stderr: new Capture(), interactive: false, env: {} });
  beforeAll(async () => {
    ({ services } = await answerServices(SAMPLE_KNOWLEDGE));
  });

  it('ask --json prints the Reply document', async () => {
    const result = await askCommand.run(context(['ask', 'zorvex max dose?', '--json']), 'zorvex max dose?');
    const json = JSON.parse(JSON.stringify(result));
    expect(Object.keys(json).sort()).toEqual(['answer', 'citations', 'compliance', 'language', 'question', 'route']);
    expect(json.answer).toContain('40 mg');
    expect(json.compliance).toMatchObject({ verdict: 'pass', findings: [] });
  });

  it('ask prints the answer, its sources with approval codes, and the route for a person', async () => {
    const text = askCommand.format(await askCommand.run(context(['ask']), 'how should calmira be stored'));
    expect(text).toMatch(/According to the approved/);
    expect(text).toMatch(/Sources:\n {2}\[1\] .+ \[MLR-2025-\d{4}, expires \d{4}-\d{2}-\d{2}\] — calmira\//);
    const routed = askCommand.format(await askCommand.run(context(['ask']), 'can we use 80 mg Zorvex'));
    expect(routed).toContain('→ Routed to Medical Information');
  });

  it('objection --json adds the category and the script', async () => {
    const json = JSON.parse(JSON.stringify(await objectionCommand.run(context(['objection']), 'Zorvex is too expensive')));
    expect(json.category).toBe('price');
    expect(Object.keys(json.script)).toEqual(['acknowledge', 'clarify', 'respond', 'close']);
    expect(objectionCommand.format(await objectionCommand.run(context(['objection']), 'Zorvex is too expensive'))).toMatch(/^Objection category: price/);
  });

  it('chat keeps the thread: a follow-up uses the previous question', async () => {
    const input = new PassThrough();
    const output = new Capture();
    const chat = createChatCommand(() => ({ input, output }));
    const done = chat.run(context(['chat']), undefined);
    input.write('zorvex max dose?\n');
    input.write('and for kids?\n');
    input.write('/objection I only have a minute\n');
    input.write('/new\n');
    input.end('/quit\n');
    const summary = await done;
    expect(summary).toEqual({ questions: 2, objections: 1 });
    expect(chat.format(summary)).toMatch(/Bye/);
    const answers = output.text.split('repbot> ');
    expect(answers.some((a) => a.includes('40 mg once daily'))).toBe(true);
    expect(answers.some((a) => /pediatric patients is 20 mg/.test(a))).toBe(true);
    expect(output.text).toContain('Objection category: no time');
    expect(output.text).toContain('New thread.');
  });
});
