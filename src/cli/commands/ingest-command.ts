import type { IngestReport } from '../../knowledge/ingest.js';
import type { Command } from '../command.js';
import { createProgressBar } from '../progress.js';

type IngestOutput = Omit<IngestReport, 'index'>;

export const ingestCommand: Command<IngestOutput> = {
  name: 'ingest',
  summary: 'index the approved material in the knowledge folder (only changed files are re-read)',
  usage: 'repbot ingest [--rebuild] [--knowledge DIR] [--data DIR] [--json]',
  takesText: false,
  async run(ctx) {
    const bar = createProgressBar();
    try {
      const { index: _index, ...report } = await ctx.services.ingest({
        rebuild: ctx.parsed.values.rebuild === true,
        onProgress: (p) => bar.update(p),
      });
      return report;
    } finally {
      bar.finish();
    }
  },
  format(r) {
    const lines = [
      `Indexed ${r.chunks} chunks: ${r.added} added, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged (${r.ms} ms).`,
    ];
    if (r.rebuilt) lines.push(`Full rebuild: ${r.rebuilt}.`);
    if (r.skipped.length > 0) {
      lines.push(`${r.skipped.length} file(s) not indexed:`);
      for (const s of r.skipped) lines.push(`  - ${s.file}: ${s.reason}`);
    }
    return lines.join('\n');
  },
};
