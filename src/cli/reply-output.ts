import { assertCheckedReply } from '../compliance/checked-reply.js';
import type { AnswerReply, Citation, ObjectionReply, Reply } from '../answering/reply.js';
import { objectionCategoryLabel } from '../answering/objection/category-labels.js';
import { toObjectionReply, toReply } from '../answering/reply-document.js';

/**
 * What `ask` and `objection` return to the CLI: the checked reply (the only thing the renderer
 * takes) and, for `--json` and `--batch`, its `Reply` document (`JSON.stringify` calls `toJSON`).
 */
export interface ReplyOutput {
  readonly checked: AnswerReply;
  toJSON(): Reply | ObjectionReply;
}

export function replyOutput(checked: AnswerReply): ReplyOutput {
  assertCheckedReply(checked);
  return {
    checked,
    toJSON: () => (checked.payload.kind === 'objection' ? toObjectionReply(checked) : toReply(checked)),
  };
}

const ROUTE_LABEL: Record<string, { en: string; zh: string }> = {
  'medical-information': { en: 'Routed to Medical Information', zh: '已转医学信息部' },
  pharmacovigilance: { en: 'Routed to Pharmacovigilance', zh: '已转药物警戒部门' },
  'not-found': { en: 'Not covered by the approved materials', zh: '已批准资料未涵盖' },
};

/** The reply as a person reads it in a terminal: the answer, its sources, and what the filter changed. */
export function formatReply(output: ReplyOutput): string {
  const checked = assertCheckedReply(output.checked);
  const reply = output.toJSON();
  const zh = reply.language === 'zh';
  const lines: string[] = [];
  if ('category' in reply) lines.push(zh ? `异议类别：${objectionCategoryLabel(reply.category, 'zh')}` : `Objection category: ${objectionCategoryLabel(reply.category, 'en')}`, '');
  if (reply.answer !== '') lines.push(reply.answer);
  else lines.push(zh ? '（合规审核后未发送任何内容）' : '(Nothing may be posted after the compliance check.)');
  if (reply.citations.length > 0) {
    lines.push('', zh ? '来源：' : 'Sources:');
    for (const c of reply.citations) lines.push(`  ${citationLine(c, zh)}`);
  }
  if (reply.route) lines.push('', `→ ${ROUTE_LABEL[reply.route]?.[zh ? 'zh' : 'en'] ?? reply.route}`);
  const notes = [...checked.payload.notes, ...checked.compliance.notes];
  if (notes.length > 0) {
    lines.push('', zh ? `合规（${checked.compliance.verdict}）：` : `Compliance (${checked.compliance.verdict}):`);
    for (const n of notes) lines.push(`  - ${n}`);
  }
  return lines.join('\n');
}

function citationLine(c: Citation, zh = false): string {
  const where = [c.page !== null ? `p. ${c.page}` : null, c.section].filter(Boolean).join(', ');
  const code = c.expiresOn ? `${c.approvalCode}, ${zh ? '有效期至' : 'expires'} ${c.expiresOn}` : c.approvalCode;
  return `[${c.n}] ${c.title}${where ? ` (${where})` : ''} [${code}] — ${c.file}`;
}
