import type { Language } from '../knowledge/types.js';
import type { RouteTarget } from './types.js';

// What the rep reads about a changed draft, in the draft's language. Rule messages are short
// noun phrases ("superlative claim — …"), so each template reads as one sentence.

const TARGET: Record<RouteTarget, Record<Language, string>> = {
  'medical-information': { en: 'Medical Information', zh: '医学信息部' },
  pharmacovigilance: { en: 'Pharmacovigilance (drug safety)', zh: '药物警戒部门' },
  compliance: { en: 'Compliance', zh: '合规部门' },
};

const MAX_QUOTE = 60;

function quote(text: string | undefined, lang: Language): string {
  if (!text) return '';
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
  return lang === 'zh' ? `（“${short}”）` : ` ('${short}')`;
}

export function targetName(target: RouteTarget, lang: Language): string {
  return TARGET[target][lang];
}

export const notes = {
  removed: (lang: Language, message: string, match?: string) =>
    lang === 'zh' ? `已删除一句：${message}${quote(match, lang)}。` : `Removed a sentence: ${message}${quote(match, lang)}.`,
  dependent: (lang: Language) =>
    lang === 'zh' ? '已删除一句依赖被删内容的句子。' : 'Removed a sentence that relied on a removed claim.',
  redacted: (lang: Language, what: string) =>
    lang === 'zh' ? `已隐去${what}：不得传递可识别患者身份的信息。` : `Redacted ${what}: patient identifiers may not be shared.`,
  appended: (lang: Language, product: string) =>
    lang === 'zh'
      ? `已补充${product}的安全性信息：疗效陈述须同时提供风险信息。`
      : `Added the ${product} safety summary: a benefit claim must come with its risk information.`,
  noSummary: (lang: Language, product: string) =>
    lang === 'zh'
      ? `${product}没有可附加的安全性摘要：发送疗效陈述前请补充重要安全性信息。`
      : `No safety summary is on file for ${product}: add the Important Safety Information before sending a benefit claim.`,
  blocked: (lang: Language, message: string, match?: string) =>
    lang === 'zh' ? `未发送：${message}${quote(match, lang)}。` : `Not posted: ${message}${quote(match, lang)}.`,
  nothingLeft: (lang: Language) =>
    lang === 'zh'
      ? '未发送：删除不合规内容后，剩下的内容不能单独成立。请依据已批准的资料重新表述。'
      : 'Not posted: after removing the non-compliant parts, what was left could not stand on its own. Please rephrase from approved material.',
  routed: (lang: Language, target: RouteTarget, message: string, contact: string | null) => {
    const name = targetName(target, lang);
    if (lang === 'zh') return `未发送：${message}。已转交${name}${contact ? `（${contact}）` : ''}。`;
    return `Not posted: ${message}. This goes to ${name}${contact ? ` (${contact})` : ''}.`;
  },
  warning: (lang: Language, message: string, match?: string) =>
    lang === 'zh' ? `提示：${message}${quote(match, lang)}。` : `Note: ${message}${quote(match, lang)}.`,
  held: (lang: Language, reason: string) =>
    lang === 'zh'
      ? `暂不发送：合规审核模型未能给出结论（${reason}），需人工审核。`
      : `Held for review: the compliance review model gave no verdict (${reason}), so a person must review it.`,
  offLabelRoute: (lang: Language, contact: string | null) =>
    lang === 'zh'
      ? `超说明书问题请联系医学信息部${contact ? `（${contact}）` : ''}。`
      : `Questions about unapproved uses go to Medical Information${contact ? ` (${contact})` : ''}.`,
};
