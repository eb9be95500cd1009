import type { Category } from '../../compliance/types.js';
import { objectionCategoryLabel } from '../../answering/objection/category-labels.js';
import type { Language } from '../../knowledge/types.js';

// The fixed words repbot's Slack messages put around checked replies, in the rep's language.
// None of them states anything about a product.

const CATEGORY_LABELS: Record<Category, Record<Language, string>> = {
  'efficacy-overstatement': { en: 'overstated efficacy', zh: '夸大疗效' },
  superlative: { en: 'superlative claim', zh: '绝对化用语' },
  'risk-minimisation': { en: 'risk minimisation', zh: '淡化风险' },
  comparative: { en: 'comparative claim', zh: '比较性声明' },
  'off-label': { en: 'off-label content', zh: '超说明书内容' },
  'ungrounded-claim': { en: 'claim not in the approved material', zh: '无已批准资料支持的陈述' },
  endorsement: { en: 'endorsement', zh: '代言或背书' },
  inducement: { en: 'inducement', zh: '不当利益' },
  'rep-conduct': { en: 'rep conduct', zh: '代表行为规范' },
  pii: { en: 'patient details', zh: '患者个人信息' },
  'adverse-event': { en: 'adverse event', zh: '不良事件' },
  'fair-balance': { en: 'fair balance', zh: '风险信息平衡' },
  'individual-medical-advice': { en: 'individual medical advice', zh: '个体化医疗建议' },
};

export function categoryLabel(category: Category, language: Language): string {
  return CATEGORY_LABELS[category][language];
}

const EN = {
  placeholder: '⏳ Checking the approved materials…',
  sources: 'Sources',
  page: (n: number) => `p. ${n}`,
  expires: (date: string) => `expires ${date}`,
  complianceChanged: 'Compliance check changed this answer: ',
  safetyAdded: 'safety information added',
  sentenceRemoved: (what: string) => `a sentence was removed: ${what}`,
  redacted: (what: string) => `${what} redacted`,
  checkBeforeSharing: (what: string) => `check before sharing: ${what}`,
  blockedTitle: '⛔ Not posted: the compliance check stopped this answer.',
  heldTitle: '⛔ Not posted: this was sent for review instead.',
  pvTitle: '🚨 Possible adverse event: report it to Pharmacovigilance',
  pvHow: 'How to report',
  pvDeadline: (d: string) => `Deadline: ${d}`,
  pvForwarded: 'A copy of this report was posted to the pharmacovigilance channel.',
  miTitle: 'ℹ️ This question goes to Medical Information',
  miHow: 'Submit a Medical Information request',
  notFoundTitle: '🔍 Not covered by the approved materials',
  objectionTitle: (category: string) => `Objection script · ${objectionCategoryLabel(category, 'en')}`,
  scriptParts: { acknowledge: 'Acknowledge', clarify: 'Clarify', respond: 'Respond', close: 'Close' },
  continued: (i: number, n: number) => `continued (${i}/${n})`,
  helpful: '👍 Helpful',
  notHelpful: '👎 Not helpful',
  thanksUp: '👍 Thanks, your feedback was recorded.',
  thanksDown: '👎 Thanks, your feedback was recorded. Medical affairs review unhelpful answers to improve the approved materials.',
  error: (ref: string) =>
    `⚠️ Sorry, I couldn't finish that because of a problem on my side (reference \`${ref}\`). Please try again in a minute; if it keeps happening, send the reference to your repbot admin.`,
  emptyQuestion: 'Ask me a product question, for example `@repbot what is the maximum dose of Zorvex for children?`, or type `/repbot help`.',
  external:
    "I don't answer in channels shared with other organisations. Please ask me in a direct message or in an internal channel.",
  rateLimited: (n: number) => `You've asked ${n} questions in the last minute. Please wait a moment, then ask again.`,
};

type UiTexts = typeof EN;

const ZH: UiTexts = {
  placeholder: '⏳ 正在查阅已批准的资料…',
  sources: '来源',
  page: (n: number) => `第 ${n} 页`,
  expires: (date: string) => `有效期至 ${date}`,
  complianceChanged: '合规检查修改了此回答：',
  safetyAdded: '已补充安全性信息',
  sentenceRemoved: (what: string) => `已删除一句：${what}`,
  redacted: (what: string) => `已隐去${what}`,
  checkBeforeSharing: (what: string) => `分享前请核对：${what}`,
  blockedTitle: '⛔ 未发送：此回答未通过合规检查。',
  heldTitle: '⛔ 未发送：已转交审核。',
  pvTitle: '🚨 可能的不良事件：请报告药物警戒部门',
  pvHow: '报告方式',
  pvDeadline: (d: string) => `时限：${d}`,
  pvForwarded: '此报告的副本已发送至药物警戒频道。',
  miTitle: 'ℹ️ 此问题需由医学信息部答复',
  miHow: '提交医学信息咨询',
  notFoundTitle: '🔍 已批准的资料中没有相关内容',
  objectionTitle: (category: string) => `异议处理话术 · ${objectionCategoryLabel(category, 'zh')}`,
  scriptParts: { acknowledge: '认同', clarify: '澄清', respond: '回应', close: '促成' },
  continued: (i: number, n: number) => `续（${i}/${n}）`,
  helpful: '👍 有帮助',
  notHelpful: '👎 没有帮助',
  thanksUp: '👍 谢谢，您的反馈已记录。',
  thanksDown: '👎 谢谢，您的反馈已记录。医学事务部会审阅没有帮助的回答，以完善已批准的资料。',
  error: (ref: string) => `⚠️ 抱歉，由于系统问题，未能完成处理（参考编号 \`${ref}\`）。请稍后重试；如果问题持续，请将参考编号发给 repbot 管理员。`,
  emptyQuestion: '请向我提问产品相关问题，例如 `@repbot 佐维斯用于儿童的最大剂量是多少？`，或输入 `/repbot help`。',
  external: '在与其他组织共享的频道中，我不回答问题。请通过私信或在内部频道中提问。',
  rateLimited: (n: number) => `您在过去一分钟内已提问 ${n} 次，请稍候再问。`,
};

export function uiTexts(language: Language): UiTexts {
  return language === 'zh' ? ZH : EN;
}
