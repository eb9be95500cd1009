import type { DocType, Language, ProductCard } from '../knowledge/types.js';
import type { AdverseEventFields } from './reply.js';

// Every fixed sentence repbot adds around approved text, in both languages. Nothing here states
// a fact about a product: facts are only ever quoted from approved passages.

const SOURCE_NAMES: Record<'label' | 'faq' | 'mixed', Record<Language, string>> = {
  label: { en: 'prescribing information', zh: '说明书' },
  faq: { en: 'FAQ', zh: '常见问题解答' },
  mixed: { en: 'materials', zh: '资料' },
};

/** "According to the approved prescribing information:" / "根据已批准的说明书：" (and "quoted in English" when the source is). */
export function answerFrame(language: Language, docTypes: readonly DocType[], quotesOtherLanguage: boolean, allOtherLanguage = quotesOtherLanguage): string {
  const kinds = new Set(docTypes.map((t) => (t === 'label' || t === 'faq' ? t : 'mixed')));
  const kind = kinds.size === 1 ? ([...kinds][0] as 'label' | 'faq' | 'mixed') : 'mixed';
  const name = SOURCE_NAMES[kind][language];
  if (language === 'zh') {
    if (!quotesOtherLanguage) return `根据已批准的${name}：`;
    return allOtherLanguage ? `根据已批准的${name}（以下引用英文原文）：` : `根据已批准的${name}（部分引用英文原文）：`;
  }
  return quotesOtherLanguage ? `According to the approved ${name} (quoted in the original language):` : `According to the approved ${name}:`;
}

const GENERIC_MI: Record<Language, string> = {
  en: 'your company’s Medical Information department',
  zh: '公司医学信息部',
};
const GENERIC_PV: Record<Language, string> = {
  en: 'your company’s Pharmacovigilance (drug safety) department, within the time your procedures set (usually 24 hours)',
  zh: '公司药物警戒（药品安全）部门，并在公司规定的时限内（通常为24小时）完成报告',
};

/** The Medical Information contact of these products (one line when they share it). */
export function medicalInformationContact(products: readonly ProductCard[], language: Language): string {
  return contactLine(products, (p) => p.medicalInformation) ?? GENERIC_MI[language];
}

export function pharmacovigilanceContact(products: readonly ProductCard[], language: Language): string {
  return contactLine(products, (p) => p.pharmacovigilance) ?? GENERIC_PV[language];
}

function contactLine(products: readonly ProductCard[], pick: (p: ProductCard) => string | null): string | null {
  const byText = new Map<string, string[]>();
  for (const p of products) {
    const text = pick(p)?.trim();
    if (text) byText.set(text, [...(byText.get(text) ?? []), p.name]);
  }
  if (byText.size === 0) return null;
  if (byText.size === 1) return [...byText.keys()][0] as string;
  return [...byText].map(([text, names]) => `${names.join(', ')}: ${text}`).join('\n');
}

export function notFoundText(language: Language, contact: string): string {
  if (language === 'zh') {
    return `已批准的资料中没有涵盖这个问题的内容，因此我无法回答。\n如需答复，请向医学信息部提交咨询：${contact}`;
  }
  return `The approved materials don't cover this question, so I can't answer it.\nTo get an answer, submit a Medical Information request: ${contact}`;
}

/**
 * A comparison with a competitor that no approved head-to-head claim supports. Worded so that
 * it compares nothing itself: with the products named ("no comparison of Calmira with Humira")
 * the compliance filter reads it as a comparative claim, rightly.
 */
export function noComparisonText(language: Language, contact: string): string {
  if (language === 'zh') {
    return `已批准的资料中没有可以回答此问题的声明，因此我无法作答：产品之间的对照必须有经批准的头对头声明支持。\n如需相关数据，请向医学信息部提交咨询：${contact}`;
  }
  return `The approved materials don't support this comparison, so I can't make it: products may be compared only where an approved claim exists.\nFor comparative data, submit a Medical Information request: ${contact}`;
}

const FIELD_LABELS: Record<Language, Record<keyof AdverseEventFields, string>> = {
  en: { patient: 'Patient', reporter: 'Reporter', product: 'Product', event: 'Event', onset: 'Onset' },
  zh: { patient: '患者', reporter: '报告人', product: '产品', event: '事件', onset: '发生时间' },
};
const NOT_STATED: Record<Language, string> = { en: 'not stated — please add', zh: '未说明，请补充' };

/**
 * The pharmacovigilance reply: it reads like a report form, one field per line, so no line
 * restates the event as a claim about the product.
 */
export function adverseEventText(language: Language, fields: AdverseEventFields, contact: string): string {
  const labels = FIELD_LABELS[language];
  const value = (v: string | null | string[]) => (v === null || (Array.isArray(v) && v.length === 0) ? NOT_STATED[language] : Array.isArray(v) ? v.join(', ') : v);
  const lines = (Object.keys(labels) as Array<keyof AdverseEventFields>).map((k) => `• ${labels[k]}: ${value(fields[k])}`);
  if (language === 'zh') {
    return [
      '这条消息描述了一起可能的不良事件，因此我不在这里回答，而是需要报告给药物警戒部门。',
      `报告方式：${contact}`,
      '已为您预填以下信息（报告时请核对并补充）：',
      ...lines,
      '如有产品问题，请在报告后单独再问一次，不要附带患者信息。',
    ].join('\n');
  }
  return [
    'This message describes a possible adverse event, so I can’t answer it here: it must be reported to Pharmacovigilance.',
    `How to report: ${contact}`,
    'Pre-filled for your report (check and complete it):',
    ...lines,
    'Please ask any product question again separately, without the patient details.',
  ].join('\n');
}

/**
 * Off-label: no promotional answer, what the approved material states (if anything), and
 * Medical Information. The text does not repeat the unapproved use itself (that would read as
 * a claim); the reason is in the reply's routing details.
 */
export function offLabelText(language: Language, quotedLines: readonly string[], contact: string): string {
  if (language === 'zh') {
    return [
      '这个问题涉及已批准说明书以外的用法、人群或剂量，我不能作推广性回答。',
      ...(quotedLines.length > 0 ? ['已批准资料中的相关表述：', ...quotedLines] : []),
      `医学信息部可以直接答复这一问题：${contact}`,
    ].join('\n');
  }
  return [
    "This question is about a use, population or dose outside the approved prescribing information, so I can't answer it as promotional content.",
    ...(quotedLines.length > 0 ? ['What the approved material states:', ...quotedLines] : []),
    `Medical Information can answer it directly: ${contact}`,
  ].join('\n');
}

export function medicalAdviceText(language: Language, contact: string): string {
  if (language === 'zh') {
    return [
      '这个问题是针对某一位具体患者的治疗决定，我不能提供个体化的医疗建议：治疗决定由处方医生作出，医学信息部可以为其提供支持。',
      `医学信息部：${contact}`,
      '关于已批准说明书内容的一般性问题，我可以回答。',
    ].join('\n');
  }
  return [
    "This asks for a treatment decision about a particular patient, which I can't give: that decision is the prescriber's, and Medical Information can support it.",
    `Medical Information: ${contact}`,
    'I can answer general questions about what the approved prescribing information says.',
  ].join('\n');
}

/** Added to an answer when the language model could not be used. */
export function llmFallbackNote(language: Language, reason: string): string {
  return language === 'zh'
    ? `语言模型暂不可用（${reason}），以下为已批准资料的原文摘录。`
    : `The language model was not available (${reason}); this answer quotes the approved material directly.`;
}

export function defaultReporter(language: Language): string {
  return language === 'zh' ? '您（医药代表）' : 'you (the rep)';
}

/** Added when the compliance filter removed every cited statement of an answer. */
export function uncitedNote(language: Language): string {
  return language === 'zh'
    ? '合规审核删除了所有引用的内容，剩余部分没有来源，因此不作为答案发送。'
    : 'The compliance check removed every cited statement; what was left had no source, so it is not posted as an answer.';
}
