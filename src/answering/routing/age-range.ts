/** An age range in years, inclusive ("under 10" is 0–9.99). */
export interface AgeRange {
  min: number;
  max: number;
}

export const ADULT_AGES: AgeRange = { min: 18, max: 120 };
export const PEDIATRIC_AGES: AgeRange = { min: 0, max: 17.99 };
const JUST_UNDER = 0.01;

const NOT_AGE = String.raw`(?!\s*(?:kg|kilo|mg|g\b|lbs?|pounds|weeks?|wks?|months?|mos?|days?|hours?|hrs?|%|ml|mcg|units?|times|doses?|mmhg|周|个月|月|天|小时|公斤|千克|毫克|斤))`;
const YEARS = String.raw`(?:\s*(?:years?|yrs?|y/?o|years?\s+old|years?\s+of\s+age))`;
const CN_NUMBER = '[0-9一二三四五六七八九十两]{1,4}';

interface AgePattern {
  re: RegExp;
  range: (a: number, b: number) => AgeRange;
  /** "under 30" is an age only after a word for people ("pts under 18"), not in "CrCl<30". */
  needsPeople?: boolean;
}

const PEOPLE_BEFORE = /(?:\bpts?|\bpatients?|\bkids?|\bchild(?:ren)?|\bpeople|\banyone|\bthose|\bages?|\baged|\badults?|\bteens?|\bboys|\bgirls|\binfants?|\bbabies|\busers|\bmen|\bwomen|\bsubjects)\b[^.?!;,]{0,12}$/;

// Ordered: the first pattern to claim a stretch of text wins.
const PATTERNS: AgePattern[] = [
  { re: new RegExp(String.raw`(\d{1,2})\s*(?:-|–|to|through)\s*(\d{1,2})(?!\d)${YEARS}`, 'g'), range: (a, b) => ({ min: a, max: b }) },
  { re: new RegExp(String.raw`aged\s+(\d{1,2})\s*(?:-|–|to|through)\s*(\d{1,2})`, 'g'), range: (a, b) => ({ min: a, max: b }) },
  { re: new RegExp(String.raw`(\d{1,2})(?!\d)${YEARS}?\s*(?:and|or)\s*(?:older|over|above)`, 'g'), range: (a) => ({ min: a, max: 120 }) },
  {
    re: new RegExp(String.raw`(?:under(?:\s+the\s+age\s+of)?|below|younger\s+than|less\s+than|<)\s*(?:age\s+)?(\d{1,2})(?!\d)${YEARS}`, 'g'),
    range: (a) => ({ min: 0, max: a - JUST_UNDER }),
  },
  {
    re: new RegExp(String.raw`(?:under|below|younger\s+than|less\s+than|<)\s*(\d{1,2})(?!\d)${NOT_AGE}`, 'g'),
    range: (a) => ({ min: 0, max: a - JUST_UNDER }),
    needsPeople: true,
  },
  { re: new RegExp(String.raw`(?:over|older\s+than|above|>)\s*(?:age\s+)?(\d{1,2})(?!\d)${YEARS}`, 'g'), range: (a) => ({ min: a + JUST_UNDER, max: 120 }) },
  { re: new RegExp(String.raw`(?:over|older\s+than|above|>)\s*(\d{1,2})(?!\d)${NOT_AGE}`, 'g'), range: (a) => ({ min: a + JUST_UNDER, max: 120 }), needsPeople: true },
  { re: new RegExp(String.raw`(\d{1,2})[- ]?(?:years?|yrs?)[- ]?old|(\d{1,2})\s?(?:yo|y/o)\b|\baged?\s+(\d{1,2})\b`, 'g'), range: (a) => ({ min: a, max: a }) },
  { re: new RegExp(`(${CN_NUMBER})\\s*(?:-|–|~|至|到)\\s*(${CN_NUMBER})\\s*岁`, 'g'), range: (a, b) => ({ min: a, max: b }) },
  { re: new RegExp(`(?:不满|小于|低于|未满|不到)(${CN_NUMBER})\\s*(?:周)?岁`, 'g'), range: (a) => ({ min: 0, max: a - JUST_UNDER }) },
  { re: new RegExp(`(${CN_NUMBER})\\s*岁(?:以下|以内|之前)`, 'g'), range: (a) => ({ min: 0, max: a - JUST_UNDER }) },
  { re: new RegExp(`(${CN_NUMBER})\\s*岁(?:及)?以上`, 'g'), range: (a) => ({ min: a, max: 120 }) },
  { re: new RegExp(`(${CN_NUMBER})\\s*岁`, 'g'), range: (a) => ({ min: a, max: a }) },
];

/** Ages a text states: "under 10", "8-year-old", "10 to 17 years", "4 years of age and older", "10岁以下", "12-17岁". */
export function statedAges(folded: string): AgeRange[] {
  return agesWithPositions(folded).map((a) => a.range);
}

/** `statedAges` with where each was stated, in text order. */
export function agesWithPositions(folded: string): Array<{ range: AgeRange; start: number }> {
  const taken: Array<[number, number]> = [];
  const out: Array<{ range: AgeRange; start: number }> = [];
  for (const { re, range, needsPeople } of PATTERNS) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (needsPeople && !PEOPLE_BEFORE.test(folded.slice(Math.max(0, start - 30), start))) continue;
      const numbers = m.slice(1).filter((g): g is string => g !== undefined).map(parseNumber);
      const [a, b] = numbers;
      if (a === undefined || Number.isNaN(a) || a > 120) continue;
      taken.push([start, end]);
      out.push({ range: range(a, b ?? a), start });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

export function overlaps(a: AgeRange, b: AgeRange): boolean {
  return a.min <= b.max && b.min <= a.max;
}

export function within(inner: AgeRange, outer: AgeRange): boolean {
  return inner.min >= outer.min && inner.max <= outer.max;
}

export function describeAges(range: AgeRange, language: 'en' | 'zh'): string {
  const max = Math.floor(range.max) === range.max ? range.max : Math.ceil(range.max);
  const under = range.max !== Math.floor(range.max);
  if (range.max >= 120) return language === 'zh' ? `${range.min}岁及以上` : `${Math.ceil(range.min)} years and older`;
  if (range.min === 0 && under) return language === 'zh' ? `${max}岁以下` : `under ${max} years`;
  if (range.min === range.max) return language === 'zh' ? `${range.min}岁` : `${range.min} years`;
  return language === 'zh' ? `${range.min}–${Math.floor(range.max)}岁` : `${range.min}–${Math.floor(range.max)} years`;
}

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "十二", "二十", "十" → number; NaN otherwise. */
export function parseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? (DIGITS[text] ?? Number.NaN) : Number.NaN;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? Number.NaN);
  const ones = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + ones;
}
