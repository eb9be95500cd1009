import type { ScoredAttempt } from './scoring/attempt.js';
import type { AttemptRecord } from './store/training-store.js';

/**
 * Trainer results as CSV (RFC 4180; cells a spreadsheet would run as formulas are defused): one
 * row per attempt, one column per rubric line (or quiz topic) seen, the trainer's override and
 * its reason, and the compliance findings that failed it.
 */
export function resultsCsv(attempts: readonly AttemptRecord[]): string {
  const lineIds = [...new Set(attempts.flatMap((a) => a.lines.map((l) => l.lineId)))];
  const header = [
    'attempt_id', 'at', 'kind', 'user', 'channel', 'product', 'persona', 'objection', 'language', 'rubric_version',
    'score', 'scored', 'raw_score', 'outcome', 'override_by', 'override_reason', 'override_at',
    ...lineIds.map((id) => `line:${id}`), 'violations',
  ];
  const rows = attempts.map((a) => {
    const lines = new Map(a.lines.map((l) => [l.lineId, l.score]));
    const detail = a.kind === 'roleplay' ? (a.detail as Partial<ScoredAttempt> | null) : null;
    const violations = (detail?.violations ?? []).map((v) => `${v.ruleId} ${v.category}: "${v.sentence}"`).join('; ');
    return [
      a.id, a.at, a.kind, a.user, a.channel ?? '', a.product, a.persona ?? '', a.category ?? '', a.language, a.rubricVersion ?? '',
      a.override?.score ?? a.score, a.score, a.rawScore, a.outcome, a.override?.trainer ?? '', a.override?.reason ?? '', a.override?.at ?? '',
      ...lineIds.map((id) => (lines.has(id) ? String(lines.get(id)) : '')), violations,
    ];
  });
  return `${[header, ...rows].map((r) => r.map((v) => csvCell(String(v))).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
