import type { Language } from '../../knowledge/types.js';
import type { ObjectionCategory } from '../reply.js';

const LABELS: Record<ObjectionCategory, Record<Language, string>> = {
  price: { en: 'price / cost', zh: '价格/费用' },
  competitor: { en: 'loyal to a competitor', zh: '竞品忠诚度' },
  safety: { en: 'safety / side effects', zh: '安全性/不良反应' },
  efficacy: { en: 'doubts about efficacy', zh: '疗效疑虑' },
  access: { en: 'access / formulary', zh: '准入/医保目录' },
  'no-time': { en: 'no time', zh: '没有时间' },
  guideline: { en: 'guidelines / evidence', zh: '指南/证据' },
  other: { en: 'other', zh: '其他' },
};

/** The objection category as a rep reads it, in the reply's language ("price / cost", "价格/费用"). */
export function objectionCategoryLabel(category: string, language: Language): string {
  return LABELS[category as ObjectionCategory]?.[language] ?? category;
}
