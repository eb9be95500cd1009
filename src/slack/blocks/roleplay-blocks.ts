import type { ScoredAttempt } from '../../training/scoring/attempt.js';
import type { RoleplayStep } from '../../training/training-types.js';
import { escapeMrkdwn, fitPlainText } from './mrkdwn.js';
import type { Block, SlackMessage } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';

const fit = (text: string) => fitPlainText(text, BLOCK_KIT_LIMITS.sectionText);

/** The message a role-play thread hangs from. */
export function roleplayHeaderMessage(user: string, language: string, product?: string): SlackMessage {
  const text =
    language === 'zh'
      ? `🎭 <@${user}> 的角色扮演练习${product ? `（${escapeMrkdwn(product)}）` : ''}：医生会在本帖中提出异议。请在本帖中回复；输入 \`结束\` 可提前结束并评分。`
      : `🎭 Role-play for <@${user}>${product ? ` (${escapeMrkdwn(product)})` : ''}: the doctor raises an objection in this thread. Reply in the thread; type \`end\` to finish early and get your score.`;
  return { text: 'Role-play', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** The doctor's line in the thread. */
export function doctorMessage(step: RoleplayStep): SlackMessage {
  const line = step.doctor ?? '…';
  return {
    text: `${step.persona.name}: ${line}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fit(`*${escapeMrkdwn(step.persona.name)}:* ${escapeMrkdwn(line)}`) } }],
  };
}

const OUTCOME = {
  en: { pass: '✅ Pass', 'needs-work': '🟡 Needs work', fail: '❌ Fail — compliance' },
  zh: { pass: '✅ 合格', 'needs-work': '🟡 需改进', fail: '❌ 不合格（合规）' },
} as const;

/** The score at the end of a role-play: every rubric line, what failed compliance and why, the evidence used, the handler to learn from. */
export function roleplayScoreMessage(scored: ScoredAttempt, attemptId: number): SlackMessage {
  const z = scored.language === 'zh';
  const mark = (score: number) => (score >= 1 ? '✅' : score > 0 ? '🟡' : '❌');
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `${z ? '得分' : 'Score'}: ${scored.score}/100 · ${OUTCOME[scored.language][scored.outcome]}` } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: fit(scored.lines.map((l) => `${mark(l.score)} *${escapeMrkdwn(l.label)}* — ${escapeMrkdwn(l.note.split('\n')[0] ?? '')}`).join('\n')) },
    },
  ];
  if (scored.violations.length > 0) {
    const list = scored.violations.map((v) => `• “${escapeMrkdwn(v.sentence)}” — ${escapeMrkdwn(v.why)}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*${z ? '合规问题' : 'What failed compliance, and why'}*\n${list}`) } });
  }
  if (scored.evidence.length > 0) {
    const list = scored.evidence.slice(0, 5).map((e) => `• “${escapeMrkdwn(e.quote)}” — ${escapeMrkdwn(e.title)}${e.section ? `, ${escapeMrkdwn(e.section)}` : ''} · ${escapeMrkdwn(e.approvalCode)}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*${z ? '您使用的已批准证据' : 'Approved evidence you used'}*\n${list}`) } });
  }
  const h = scored.handler;
  if (h) {
    const steps = z
      ? `*认同：* ${escapeMrkdwn(h.acknowledge)}\n*澄清：* ${escapeMrkdwn(h.clarify)}\n*回应：* ${escapeMrkdwn(h.respond)}\n*收尾：* ${escapeMrkdwn(h.close)}`
      : `*Acknowledge:* ${escapeMrkdwn(h.acknowledge)}\n*Clarify:* ${escapeMrkdwn(h.clarify)}\n*Respond:* ${escapeMrkdwn(h.respond)}\n*Close:* ${escapeMrkdwn(h.close)}`;
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: fit(`*${z ? '可参考的已批准话术' : 'The approved objection handler you could have used'}*\n${steps}`) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: fitPlainText(`${escapeMrkdwn(h.title)}${h.section ? `, ${escapeMrkdwn(h.section)}` : ''} · ${escapeMrkdwn(h.approvalCode)}`, BLOCK_KIT_LIMITS.contextText) }] },
    );
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${z ? '评分标准' : 'Rubric'} ${escapeMrkdwn(scored.rubricVersion)} · ${z ? '记录' : 'attempt'} #${attemptId}` }] });
  return { text: `Role-play score: ${scored.score}/100 (${scored.outcome})`, blocks };
}
