import { assertCheckedReply } from '../../compliance/checked-reply.js';
import type { CheckResult, Finding } from '../../compliance/types.js';
import { LANGUAGES, type Language } from '../../knowledge/types.js';
import type { CheckedDraft } from '../../services/check-service.js';
import { choiceOption, stringOption } from '../args.js';
import { cliUser } from '../cli-user.js';
import type { Command } from '../command.js';

/** `check --json`: the DESIGN.md §4 `CheckResult`, plus the audit record's id. */
export type CheckDocument = CheckResult & { auditId: number | null };

/** What `check` returns: the checked draft (the only thing the renderer takes) and its JSON document. */
export interface CheckOutput {
  readonly checked: CheckedDraft;
  toJSON(): CheckDocument;
}

export function checkOutput(checked: CheckedDraft): CheckOutput {
  assertCheckedReply(checked);
  return {
    checked,
    toJSON: () => ({ ...(structuredClone(checked.compliance) as CheckResult), auditId: checked.payload.auditId }),
  };
}

export const checkCommand: Command<CheckOutput> = {
  name: 'check',
  summary: 'run the compliance filter on a draft (figures and comparisons checked against the approved knowledge)',
  usage: 'repbot check "<draft>" [--product P] [--lang en|zh] [--json] [--batch FILE]',
  takesText: true,
  async run(ctx, text) {
    const product = stringOption(ctx.parsed.values.product);
    const language = choiceOption<Language>(ctx.parsed.values.lang, 'lang', LANGUAGES);
    const checked = await ctx.services.check(text ?? '', {
      ...(product ? { product } : {}),
      ...(language ? { language } : {}),
      user: cliUser(ctx.env),
      via: 'cli',
    });
    return checkOutput(checked);
  },
  format: formatCheck,
};

const VERDICT: Record<CheckResult['verdict'], { en: string; zh: string }> = {
  pass: { en: 'pass — may be used as written', zh: '通过——可按原文使用' },
  fixed: { en: 'fixed — may be used as changed below', zh: '已修改——可按以下修改后的文本使用' },
  blocked: { en: 'blocked — may not be used', zh: '已拦截——不得使用' },
  routed: { en: 'routed — not for promotional use', zh: '已转交——不得用于推广' },
};

const ROUTE: Record<string, { en: string; zh: string }> = {
  'medical-information': { en: 'Medical Information', zh: '医学信息部' },
  pharmacovigilance: { en: 'Pharmacovigilance', zh: '药物警戒部门' },
  compliance: { en: 'Compliance', zh: '合规部门' },
};

/** The result as a person reads it: verdict, the text that may be used, then each finding in the draft's language. */
export function formatCheck(output: CheckOutput): string {
  const checked = assertCheckedReply(output.checked);
  const result = checked.compliance;
  const zh = result.language === 'zh';
  const lines = [`${zh ? '合规结论：' : 'Verdict: '}${VERDICT[result.verdict][zh ? 'zh' : 'en']}`, ''];
  lines.push(result.text !== '' ? result.text : zh ? '（无可使用的文本）' : '(No text may be used.)');
  if (result.route) lines.push('', `→ ${zh ? '转交' : 'Route to'} ${ROUTE[result.route]?.[zh ? 'zh' : 'en'] ?? result.route}`);
  if (result.findings.length > 0) {
    lines.push('', zh ? '发现的问题：' : 'Findings:');
    for (const f of result.findings) lines.push(`  - ${findingLine(f, zh)}`);
  }
  if (result.notes.length > 0) {
    lines.push('', zh ? '修改说明：' : 'What was changed:');
    for (const n of result.notes) lines.push(`  - ${n}`);
  }
  if (checked.payload.auditId !== null) lines.push('', zh ? `审计记录 #${checked.payload.auditId}` : `Audit record #${checked.payload.auditId}`);
  return lines.join('\n');
}

const SEVERITY: Record<Finding['severity'], { en: string; zh: string }> = {
  violation: { en: 'violation', zh: '违规' },
  warning: { en: 'warning', zh: '提示' },
  info: { en: 'info', zh: '信息' },
};

function findingLine(f: Finding, zh: boolean): string {
  const where = f.match ? ` "${f.match}"` : '';
  return `${SEVERITY[f.severity][zh ? 'zh' : 'en']} (${f.category}, ${f.ruleId}${f.action !== 'none' ? ` → ${f.action}` : ''})${where}: ${f.message}`;
}
