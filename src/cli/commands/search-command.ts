import type { SearchResult } from '../../services/services.js';
import { positiveIntOption } from '../args.js';
import type { Command } from '../command.js';

export const searchCommand: Command<SearchResult[]> = {
  name: 'search',
  summary: 'find approved passages for a question (English or Chinese)',
  usage: 'repbot search "<question>" [-k N] [--product P] [--json] [--batch FILE]',
  takesText: true,
  async run(ctx, text) {
    return ctx.services.search(text ?? '', {
      k: positiveIntOption(ctx.parsed.values.k, 'k', ctx.services.config.topK),
      product: typeof ctx.parsed.values.product === 'string' ? ctx.parsed.values.product : undefined,
    });
  },
  format(results) {
    if (results.length === 0) {
      return 'No approved material matches this question. Try other words, or ask Medical Information.';
    }
    return results
      .map((r, i) => {
        const where = [r.page !== null ? `p. ${r.page}` : null, r.section].filter(Boolean).join(', ');
        const text = r.text.length > 400 ? `${r.text.slice(0, 400)}…` : r.text;
        return `${i + 1}. ${r.title}${where ? ` (${where})` : ''} [${r.approvalCode}] score ${r.score.toFixed(3)}\n   ${r.file}\n   ${text.replace(/\n/g, '\n   ')}`;
      })
      .join('\n\n');
  },
};
