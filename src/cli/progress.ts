/** A one-line progress bar on an interactive terminal; silent when output is piped or in CI. */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = Boolean(stream.isTTY) && !process.env.CI;
  let last = 0;
  return {
    update({ done, total, file }: { done: number; total: number; file: string }) {
      if (!enabled || total === 0) return;
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const name = file.length > 40 ? `…${file.slice(-39)}` : file;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(90));
    },
    finish() {
      if (enabled) stream.write(`\r${' '.repeat(90)}\r`);
    },
  };
}
