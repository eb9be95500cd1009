import { assertCheckedReply } from '../compliance/checked-reply.js';
import type { Language } from '../knowledge/types.js';
import { OPTION_LETTERS } from './quiz/quiz.js';
import type { ScoredAttempt } from './scoring/attempt.js';
import type { FeedbackSource, QuizAnswerText, QuizQuestionText, ScoreFeedback } from './training-texts.js';

const T = {
  en: { score: 'Score', outcome: { pass: 'PASS', 'needs-work': 'NEEDS WORK', fail: 'FAIL (compliance)' }, rubric: 'rubric', lines: 'Rubric', violations: 'Compliance — what failed and why', figures: 'Figures not in the approved material', evidence: 'Approved evidence you used', handler: 'The approved objection handler you could have used', ack: 'Acknowledge', clarify: 'Clarify', respond: 'Respond', close: 'Close', sources: 'Sources', held: 'The compliance check held this text back.' },
  zh: { score: '得分', outcome: { pass: '合格', 'needs-work': '需改进', fail: '不合格（合规）' }, rubric: '评分标准', lines: '评分项', violations: '合规问题及原因', figures: '已批准资料中没有的数字', evidence: '您使用的已批准证据', handler: '可参考的已批准异议处理话术', ack: '认同', clarify: '澄清', respond: '回应', close: '收尾', sources: '来源', held: '合规检查未放行此内容。' },
} as const;

// Not "½": the compliance filter would read it as a figure.
export const lineMark = (score: number): string => (score >= 1 ? '✓' : score > 0 ? '◐' : '✗');

/**
 * The coaching of a scored attempt as plain text, the draft the compliance filter checks: one
 * line per rubric line, the approved evidence the rep used, the approved handler they could
 * have used. Only the bot's words and approved quotes: where a note quotes the rep, its
 * `coaching` form stands in (see `repWordsText`).
 */
export function coachingText(s: ScoredAttempt): string {
  const t = T[s.language];
  const out = [`${t.lines}:`, ...s.lines.map((l) => `${lineMark(l.score)} ${l.label}${l.gate ? ' *' : ''} — ${(l.coaching ?? l.note).replace(/\s*\n\s*/g, ' ')}`)];
  const quotes = [...new Set(s.evidence.map((e) => e.quote))];
  if (quotes.length > 0) out.push('', `${t.evidence}:`, ...quotes.map((q) => `• ${q}`));
  const h = s.handler;
  if (h) out.push('', `${t.handler}:`, `${t.ack}: ${h.acknowledge}`, `${t.clarify}: ${h.clarify}`, `${t.respond}: ${h.respond}`, `${t.close}: ${h.close}`);
  return out.join('\n');
}

/**
 * What the rep said that failed: their own sentences and figures, quoted back with the filter's
 * reason. Deliberately not run through the compliance filter: these are the rep's words, not the
 * bot's claims, and the filter would remove exactly the sentence the rep needs to see. They are
 * already on the audit record as the rep's checked turns.
 */
export function repWordsText(s: ScoredAttempt): string {
  const t = T[s.language];
  const out: string[] = [];
  if (s.violations.length > 0) out.push(`${t.violations}:`, ...s.violations.map((v) => `  • "${v.sentence}" — ${v.why} [${v.ruleId}]`));
  // A figure whose sentence is listed above already says why.
  const listed = new Set(s.violations.map((v) => v.sentence));
  const figures = s.wrongFigures.filter((w) => !listed.has(w.sentence));
  if (figures.length > 0) out.push(...(out.length > 0 ? [''] : []), `${t.figures}:`, ...figures.map((w) => `  • "${w.figure}" — "${w.sentence}"`));
  return out.join('\n');
}

/** One approved source as a short line: title, section, page, approval code. */
export function feedbackSourceLine(s: FeedbackSource): string {
  return `${s.title}${s.section ? `, ${s.section}` : ''}${s.page ? `, p. ${s.page}` : ''} (${s.approvalCode})`;
}

/** A scored attempt for the terminal: the score (UI), the checked coaching, the rep's own failing words, the checked written note. */
export function formatScore(s: ScoredAttempt, feedback: ScoreFeedback): string {
  const t = T[s.language];
  const coaching = assertCheckedReply(feedback.coaching);
  const out = [`${t.score}: ${s.score}/100 — ${t.outcome[s.outcome]}  (${t.rubric} ${s.rubricVersion})`, '', coaching.text.trim() === '' ? t.held : coaching.text];
  const rep = repWordsText(s);
  if (rep !== '') out.push('', rep);
  if (coaching.payload.sources.length > 0) out.push('', `${t.sources}:`, ...coaching.payload.sources.map((x) => `  ${feedbackSourceLine(x)}`));
  if (feedback.written) {
    const written = assertCheckedReply(feedback.written);
    if (written.text.trim() !== '') out.push('', written.text);
  }
  return out.join('\n');
}

/** A quiz question for the terminal: its number (UI) and the checked stem and options. */
export function formatQuestion(q: QuizQuestionText, n: number, total: number): string {
  return `(${n}/${total}) ${assertCheckedReply(q).text.replace(/\n/g, '\n   ')}`;
}

/** The revealed answer for the terminal: right or wrong (UI), the letter, the checked approved sentence and where it comes from. */
export function formatReveal(answer: QuizAnswerText, correct: boolean, language: Language): string {
  const checked = assertCheckedReply(answer);
  const letter = OPTION_LETTERS[checked.payload.correctIndex] ?? '?';
  const s = checked.payload.source;
  const where = `${s.title}${s.section ? `, ${s.section}` : ''}${s.page ? `, p. ${s.page}` : ''} (${s.approvalCode})`;
  const quote = (checked.text.trim() === '' ? T[language].held : checked.text).replace(/\n/g, '\n   ');
  if (language === 'zh') return `${correct ? '✓ 正确' : '✗ 错误'}。答案：${letter}\n   ${quote}\n   — ${where}`;
  return `${correct ? '✓ Correct' : '✗ Not quite'}. Answer: ${letter}\n   ${quote}\n   — ${where}`;
}
