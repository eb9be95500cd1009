import type { StatusReport } from '../../services/status.js';
import type { Command } from '../command.js';

export const statusCommand: Command<StatusReport> = {
  name: 'status',
  summary: 'documents per product and approval status, material expiring within 30 days, index size',
  usage: 'repbot status [--json]',
  takesText: false,
  run: (ctx) => ctx.services.status(),
  format(s) {
    const lines: string[] = [];
    if (!s.index) {
      lines.push('No index yet: run `repbot ingest`.');
    } else {
      lines.push(
        `Index: ${s.index.chunks} chunks from ${s.index.documents} documents, ${(s.index.bytes / 1024 / 1024).toFixed(1)} MB, ` +
          `embedding model ${s.embeddingModel}, last ingest ${s.index.lastIngestAt ?? 'unknown'}.`,
      );
    }
    lines.push('', 'Documents by product:');
    for (const p of s.products) {
      const counts = Object.entries(p.byStatus)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      lines.push(`  ${p.name} (${p.product}): ${counts || 'no documents'}`);
    }
    if (s.expiringSoon.length > 0) {
      lines.push('', `Expiring within ${s.expiringWithinDays} days:`);
      for (const e of s.expiringSoon) lines.push(`  - ${e.file} [${e.approvalCode}] expires ${e.expiresOn} (${e.daysLeft} days)`);
    } else {
      lines.push('', `Nothing expires within ${s.expiringWithinDays} days.`);
    }
    if (s.expiredSinceIngest.length > 0) {
      lines.push('', 'Expired since the last ingest (no longer cited):');
      for (const e of s.expiredSinceIngest) lines.push(`  - ${e.file} [${e.approvalCode}] expired ${e.expiresOn}`);
    }
    if (s.skipped.length > 0) {
      lines.push('', 'Not indexed:');
      for (const k of s.skipped) lines.push(`  - ${k.file}: ${k.reason}`);
    }
    return lines.join('\n');
  },
};
