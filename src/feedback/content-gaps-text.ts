import type { ContentGap, ContentGapsReport } from './content-gaps.js';

/** The content-gaps report in plain words, for medical affairs reading it in a terminal or an e-mail. */
export function formatContentGaps(report: ContentGapsReport): string {
  const period = periodText(report);
  const { totals } = report;
  if (report.gaps.length === 0) {
    return `No content gaps${period}: every question was answered from approved material and no answer was marked not helpful.`;
  }
  const lines = [
    `Content gaps${period}: ${plural(totals.topics, 'topic')} — ${plural(totals.unanswered, 'question')} the approved material did not answer, ` +
      `${plural(totals.sentToMedicalInformation, 'question')} sent to Medical Information, ${plural(totals.notHelpful, 'answer')} marked not helpful. Most asked first.`,
  ];
  report.gaps.forEach((gap, i) => lines.push('', ...gapLines(gap, i + 1)));
  return lines.join('\n');
}

function gapLines(gap: ContentGap, n: number): string[] {
  const lines = [`${n}. "${gap.question}"`, `   ${askedText(gap)}; last asked ${day(gap.lastAsked)}.`];
  if (gap.products.length > 0) lines.push(`   Product: ${gap.products.join(', ')}.`);
  if (gap.alsoAskedAs.length > 0) lines.push(`   Also asked as: ${gap.alsoAskedAs.map((q) => `"${q}"`).join('; ')}.`);
  if (gap.comments.length > 0) lines.push(`   What reps said was wrong: ${gap.comments.map((c) => `"${c}"`).join('; ')}.`);
  if (gap.citedApprovalCodes.length > 0) lines.push(`   The unhelpful answers cited: ${gap.citedApprovalCodes.join(', ')}.`);
  return lines;
}

/** "Asked 3 times: 2 not answered, 1 answer marked not helpful". */
export function askedText(gap: ContentGap): string {
  const parts = [
    gap.unanswered > 0 ? `${gap.unanswered} not answered` : null,
    gap.sentToMedicalInformation > 0 ? `${gap.sentToMedicalInformation} sent to Medical Information` : null,
    gap.notHelpful > 0 ? `${plural(gap.notHelpful, 'answer')} marked not helpful` : null,
  ].filter((p): p is string => p !== null);
  return `Asked ${gap.count === 1 ? 'once' : `${gap.count} times`}: ${parts.join(', ')}`;
}

function periodText(report: ContentGapsReport): string {
  if (report.from && report.to) return ` from ${report.from} to ${report.to}`;
  if (report.from) return ` since ${report.from}`;
  if (report.to) return ` up to ${report.to}`;
  return '';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The UTC day of an ISO time. */
function day(iso: string): string {
  return iso.slice(0, 10);
}
