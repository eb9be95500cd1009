import { assertCheckedReply } from '../../compliance/checked-reply.js';
import { feedbackSourceLine, repWordsText } from '../../training/feedback-text.js';
import type { CheckedScore, RoleplayStep } from '../../training/training-types.js';
import { escapeMrkdwn, fitPlainText } from './mrkdwn.js';
import type { Block, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';
import { labelledSections, mrkdwnPieces, textSections } from './text-sections.js';

const fit = (text: string) => fitPlainText(text, BLOCK_KIT_LIMITS.sectionText);

// The fixed words around role-play texts (the header, "Score", the outcome, section titles) are
// UI, as in ui-texts.ts; the doctor's lines and the coaching are CheckedReply values from the filter.

/** The message a role-play thread hangs from. */
export function roleplayHeaderMessage(user: string, language: string, product?: string): SlackMessage {
  const text =
    language === 'zh'
      ? `🎭 <@${user}> 的角色扮演练习${product ? `（${escapeMrkdwn(product)}）` : ''}：医生会在本帖中提出异议。请在本帖中回复；输入 \`结束\` 可提前结束并评分。`
      : `🎭 Role-play for <@${user}>${product ? ` (${escapeMrkdwn(product)})` : ''}: the doctor raises an objection in this thread. Reply in the thread; type \`end\` to finish early and get your score.`;
  return { text: 'Role-play', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** The doctor's checked line in the thread ("…" when the filter let nothing through). Refuses a line the filter did not mint. */
export function doctorMessage(step: RoleplayStep): SlackMessage {
  const checked = step.doctor ? assertCheckedReply(step.doctor) : null;
  const line = checked && checked.text.trim() !== '' ? checked.text : '…';
  return {
    text: fitPlainText(`${step.persona.name}: ${line}`, 300),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(`*${escapeMrkdwn(step.persona.name)}:* ${escapeMrkdwn(line)}`) } }],
  };
}

const OUTCOME = {
  en: { pass: '✅ Pass', 'needs-work': '🟡 Needs work', fail: '❌ Fail — compliance' },
  zh: { pass: '✅ 合格', 'needs-work': '🟡 需改进', fail: '❌ 不合格（合规）' },
} as const;

const TITLES = {
  en: { score: 'Score', failed: 'What failed compliance, and why', held: 'The compliance check held the coaching back.', note: 'Coaching note', rubric: 'Rubric', attempt: 'attempt' },
  zh: { score: '得分', failed: '合规问题', held: '合规检查未放行评语。', note: '辅导建议', rubric: '评分标准', attempt: '记录' },
} as const;

/**
 * The score at the end of a role-play: the score (UI), the checked coaching (every rubric line,
 * the evidence used, the handler to learn from) with its sources, what the rep said that failed
 * and why, and the checked written note. Refuses coaching the filter did not mint.
 */
export function roleplayScoreMessage(score: CheckedScore, attemptId: number): SlackMessage {
  const { scored } = score;
  const coaching = assertCheckedReply(score.feedback.coaching);
  const written = score.feedback.written ? assertCheckedReply(score.feedback.written) : null;
  const t = TITLES[scored.language];
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `${t.score}: ${scored.score}/100 · ${OUTCOME[scored.language][scored.outcome]}` } },
    ...(coaching.text.trim() === '' ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: `_${t.held}_` } }] : textSections(coaching.text)),
  ];
  // The rep's own sentences, quoted back unfiltered on purpose (see repWordsText).
  const rep = repWordsText(scored);
  if (rep !== '') blocks.push(...labelledSections(t.failed, rep));
  const sources = coaching.payload.sources.map(feedbackSourceLine).join(' · ');
  if (sources !== '') blocks.push(...mrkdwnPieces(sources, BLOCK_KIT_LIMITS.contextText).map((text): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] })));
  if (written && written.text.trim() !== '') blocks.push(...labelledSections(t.note, written.text));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${t.rubric} ${escapeMrkdwn(scored.rubricVersion)} · ${t.attempt} #${attemptId}` }] });
  return { text: `Role-play score: ${scored.score}/100 (${scored.outcome})`, blocks };
}
