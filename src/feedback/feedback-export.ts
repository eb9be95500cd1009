import type { FeedbackRecord } from './feedback-record.js';

export const FEEDBACK_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type FeedbackExportFormat = (typeof FEEDBACK_EXPORT_FORMATS)[number];

export const FEEDBACK_CSV_COLUMNS = [
  'id',
  'at',
  'rating',
  'user',
  'channel',
  'message_ts',
  'kind',
  'question',
  'route',
  'product',
  'approval_codes',
  'verdict',
  'comment',
  'audit_id',
] as const;

/** CSV for a spreadsheet (RFC 4180, CRLF; cells a spreadsheet would run as formulas are defused with a leading '). */
export function feedbackCsv(records: readonly FeedbackRecord[]): string {
  const lines = [FEEDBACK_CSV_COLUMNS.join(',')];
  for (const r of records) {
    const cells = [
      r.id,
      r.at,
      r.rating,
      r.user,
      r.channel ?? '',
      r.messageTs ?? '',
      r.kind,
      r.question,
      r.route ?? '',
      r.product ?? '',
      r.approvalCodes.join('; '),
      r.verdict,
      r.comment ?? '',
      r.auditId ?? '',
    ];
    lines.push(cells.map((v) => csvCell(String(v))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** One JSON object per line, every field present (null when unknown). */
export function feedbackJsonl(records: readonly FeedbackRecord[]): string {
  return records.map((r) => `${JSON.stringify({ ...r, product: r.product ?? null, auditId: r.auditId ?? null })}\n`).join('');
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
