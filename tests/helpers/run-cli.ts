import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in process, as `repbot <argv>` would, and captures what it prints. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr, env, cwd, interactive: false });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
