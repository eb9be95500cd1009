import type { Language } from '../knowledge/types.js';
import { OPTION_LETTERS, type QuizQuestion } from './quiz/quiz.js';
import type { ScoredAttempt } from './scoring/attempt.js';

const T = {
  en: { score: 'Score', outcome: { pass: 'PASS', 'needs-work': 'NEEDS WORK', fail: 'FAIL (compliance)' }, rubric: 'rubric', lines: 'Rubric', violations: 'Compliance — what failed and why', evidence: 'Approved evidence you used', handler: 'The approved objection handler you could have used', ack: 'Acknowledge', clarify: 'Clarify', respond: 'Respond', close: 'Close', source: 'Source' },
  zh: { score: '得分', outcome: { pass: '合格', 'needs-work': '需改进', fail: '不合格（合规）' }, rubric: '评分标准', lines: '评分项', violations: '合规问题及原因', evidence: '您使用的已批准证据', handler: '可参考的已批准异议处理话术', ack: '认同', clarify: '澄清', respond: '回应', close: '收尾', source: '来源' },
} as const;

/** A scored attempt as plain text (terminal, and the fallback text of Slack messages). */
export function formatScoredAttempt(s: ScoredAttempt): string {
  const t = T[s.language];
  const mark = (score: number) => (score >= 1 ? '✓' : score > 0 ? '½' : '✗');
  const out = [
    `${t.score}: ${s.score}/100 — ${t.outcome[s.outcome]}  (${t.rubric} ${s.rubricVersion})`,
    '',
    `${t.lines}:`,
    ...s.lines.map((l) => `  ${mark(l.score)} ${l.label}${l.gate ? ' *' : ''} — ${l.note.replace(/\n/g, '\n      ')}`),
  ];
  if (s.violations.length > 0) {
    out.push('', `${t.violations}:`, ...s.violations.map((v) => `  • "${v.sentence}" — ${v.why} [${v.ruleId}]`));
  }
  if (s.evidence.length > 0) {
    out.push('', `${t.evidence}:`, ...s.evidence.map((e) => `  • "${e.quote}" — ${e.title}${e.section ? `, ${e.section}` : ''}${e.page ? `, p. ${e.page}` : ''} (${e.approvalCode})`));
  }
  if (s.handler) {
    const h = s.handler;
    out.push(
      '',
      `${t.handler} — ${h.title}${h.section ? `, ${h.section}` : ''} (${h.approvalCode}):`,
      `  ${t.ack}: ${h.acknowledge}`,
      `  ${t.clarify}: ${h.clarify}`,
      `  ${t.respond}: ${h.respond}`,
      `  ${t.close}: ${h.close}`,
    );
  }
  if (s.writtenFeedback) out.push('', s.writtenFeedback);
  return out.join('\n');
}

/** A quiz question with lettered options. */
export function formatQuestion(q: QuizQuestion, n: number, total: number): string {
  return [`(${n}/${total}) ${q.prompt}`, ...q.options.map((o, i) => `   ${OPTION_LETTERS[i]}) ${o}`)].join('\n');
}

/** The revealed answer with its source. */
export function formatReveal(q: QuizQuestion, correct: boolean, language: Language): string {
  const letter = OPTION_LETTERS[q.correct] ?? '?';
  const s = q.source;
  const where = `${s.title}${s.section ? `, ${s.section}` : ''}${s.page ? `, p. ${s.page}` : ''} (${s.approvalCode})`;
  if (language === 'zh') return `${correct ? '✓ 正确' : '✗ 错误'}。答案：${letter}) ${q.options[q.correct]}\n   “${s.quote}” — ${where}`;
  return `${correct ? '✓ Correct' : '✗ Not quite'}. Answer: ${letter}) ${q.options[q.correct]}\n   "${s.quote}" — ${where}`;
}
