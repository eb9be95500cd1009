/**
 * Numbers in a folded sentence, as values with units: "40 mg", "36%", "p<0.001", "1,000",
 * "百分之三十" (30 %), "十二周" (12 weeks), "10-80 mg" (both ends in mg).
 */
export type Unit =
  | 'percent' | 'mg' | 'mg/kg' | 'mcg' | 'g' | 'kg' | 'ml' | 'mg/dl' | 'mmol/l' | 'ng/ml' | 'mmhg'
  | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'person' | 'times' | 'fold' | 'tablet' | 'unit';

export interface NumberMention {
  value: number;
  unit: Unit | null;
  /** Folded-text offsets of the number and its unit. */
  start: number;
  end: number;
  text: string;
}

// Longest first; Latin units must not run into a word ("5 hats" has no unit).
const UNITS: Array<[RegExp, Unit]> = [
  [/^(?:%|percent\b|per cent\b|百分点)/, 'percent'],
  [/^(?:mg\/dl|毫克\/分升)(?![a-z])/, 'mg/dl'],
  [/^(?:mmol\/l|毫摩尔\/升)(?![a-z])/, 'mmol/l'],
  [/^(?:ng\/ml)(?![a-z])/, 'ng/ml'],
  [/^(?:mg\/kg|毫克\/公斤|毫克\/千克)(?![a-z])/, 'mg/kg'],
  [/^(?:mg(?:\/day|\/d|\/日|\/天)?|milligrams?|毫克)(?![a-z])/, 'mg'],
  [/^(?:mcg|µg|μg|micrograms?|微克)(?![a-z])/, 'mcg'],
  [/^(?:kg|kilograms?|公斤|千克)(?![a-z])/, 'kg'],
  [/^(?:ml|milliliters?|millilitres?|毫升)(?![a-z])/, 'ml'],
  [/^(?:mmhg|毫米汞柱)(?![a-z])/, 'mmhg'],
  [/^(?:g|grams?|克)(?![a-z])/, 'g'],
  [/^(?:minutes?|mins?|分钟)(?![a-z])/, 'minute'],
  [/^(?:hours?|hrs?|h|小时)(?![a-z])/, 'hour'],
  [/^(?:days?|天|日)(?![a-z])/, 'day'],
  [/^(?:weeks?|wks?|周|星期)(?![a-z])/, 'week'],
  [/^(?:months?|个月|月)(?![a-z])/, 'month'],
  [/^(?:years?|yrs?|年|岁)(?![a-z])/, 'year'],
  [/^(?:patients|subjects|participants|people|persons|adults|children|women|men|例|名|人|位)(?![a-z])/, 'person'],
  [/^(?:times|次)(?![a-z])/, 'times'],
  [/^(?:-?fold|倍)(?![a-z])/, 'fold'],
  [/^(?:tablets?|capsules?|片|粒|支)(?![a-z])/, 'tablet'],
  [/^(?:iu|units?|单位)(?![a-z])/, 'unit'],
];

const DIGITS = /(?<![a-z0-9._/])\d+(?:,\d{3})*(?:\.\d+)?|(?<![a-z0-9._/\d])\.\d+/g;
const CN_DIGITS = '零〇一二两三四五六七八九';
const CN_NUMBER = /百分之[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?/g;
// Ranges and lists: "10-80 mg", "2 to 4 weeks", "10, 20, 40, and 80 mg", "10、20和40mg".
const RANGE_GLUE = /^\s*(?:-|–|—|~|～|to|至|到|(?:[,，、]\s*)?(?:or|或|and|和)|[,，、])\s*$/;

// Multiplying words are figures too: "doubles the response rate" needs a source as much as "2-fold".
const WORD_FOLDS: Array<[RegExp, number]> = [
  [/(?<![a-z])(?:doubl(?:e|es|ed|ing)(?![- ]?(?:blind|dummy|check))|twice as (?:many|much|likely|effective|fast))(?![a-z])|翻倍|翻了一番|加倍/g, 2],
  [/(?<![a-z])(?:tripl(?:e|es|ed|ing)|three times as)(?![a-z])|翻两番/g, 3],
  [/(?<![a-z])(?:halv(?:e|es|ed|ing)|cuts? (?:it |them |that |the \w+ )?in half)(?![a-z])|减半/g, 0.5],
];

export function extractNumbers(folded: string, exempt: RegExp | null = null): NumberMention[] {
  const found: NumberMention[] = [];
  for (const [re, value] of WORD_FOLDS) {
    for (const m of folded.matchAll(re)) found.push({ value, unit: 'fold', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  for (const m of folded.matchAll(DIGITS)) {
    const value = Number(m[0].replace(/,/g, ''));
    if (Number.isFinite(value)) found.push(withUnit(folded, m.index, m.index + m[0].length, value));
  }
  for (const m of folded.matchAll(CN_NUMBER)) {
    const mention = chineseMention(folded, m.index, m[0]);
    if (mention) found.push(mention);
  }
  found.sort((a, b) => a.start - b.start);
  shareRangeUnits(folded, found);
  return exempt ? found.filter((n) => !overlapsExempt(folded, n, exempt)) : found;
}

function withUnit(folded: string, start: number, end: number, value: number): NumberMention {
  const rest = folded.slice(end, end + 24);
  const spaced = /^\s?/.exec(rest)?.[0].length ?? 0;
  for (const [re, unit] of UNITS) {
    const m = re.exec(rest.slice(spaced));
    if (m) {
      const stop = end + spaced + m[0].length;
      return { value, unit, start, end: stop, text: folded.slice(start, stop) };
    }
  }
  return { value, unit: null, start, end, text: folded.slice(start, end) };
}

function chineseMention(folded: string, start: number, raw: string): NumberMention | null {
  const percent = raw.startsWith('百分之');
  const body = percent ? raw.slice(3) : raw;
  const value = parseChineseNumber(body);
  if (value === null) return null;
  const end = start + raw.length;
  if (percent) return { value, unit: 'percent', start, end, text: raw };
  // A bare 一 ("一般", "一次", "第一") is idiom, not a figure; other numerals count only with a unit.
  if (body === '一' || body === '万' || body === '千' || body === '百') return null;
  const mention = withUnit(folded, start, end, value);
  return mention.unit === null ? null : mention;
}

/** 三十 → 30, 一百二十 → 120, 两万 → 20000, 三点五 → 3.5, 二〇二五 → 2025; null when not a number. */
export function parseChineseNumber(text: string): number | null {
  const [whole = '', fraction] = text.split('点');
  let intPart: number | null;
  if (whole !== '' && [...whole].every((c) => CN_DIGITS.includes(c))) {
    intPart = Number([...whole].map(digitOf).join(''));
  } else {
    intPart = parseChineseInteger(whole);
  }
  if (intPart === null) return null;
  if (fraction === undefined) return intPart;
  if (fraction === '' || ![...fraction].every((c) => CN_DIGITS.includes(c))) return null;
  return Number(`${intPart}.${[...fraction].map(digitOf).join('')}`);
}

function digitOf(char: string): number {
  if (char === '〇' || char === '零') return 0;
  if (char === '两') return 2;
  return '零一二三四五六七八九'.indexOf(char);
}

const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

function parseChineseInteger(text: string): number | null {
  if (text === '') return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const char of text) {
    const mul = MULTIPLIERS[char];
    if (CN_DIGITS.includes(char)) {
      digit = digitOf(char);
    } else if (mul !== undefined) {
      section += (digit < 0 ? 1 : digit) * mul;
      digit = -1;
    } else if (char === '万') {
      total += (section + Math.max(digit, 0)) * 10_000;
      section = 0;
      digit = -1;
    } else {
      return null;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** A number in a range or list without its own unit takes the unit of the next one. */
function shareRangeUnits(folded: string, found: NumberMention[]): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i] as NumberMention;
    const b = found[i + 1] as NumberMention;
    if (a.unit === null && b.unit !== null && RANGE_GLUE.test(folded.slice(a.end, b.start))) a.unit = b.unit;
  }
}

function overlapsExempt(folded: string, n: NumberMention, exempt: RegExp): boolean {
  exempt.lastIndex = 0;
  for (const m of folded.matchAll(exempt)) {
    if (m.index < n.end && m.index + m[0].length > n.start) return true;
  }
  return false;
}

/** `a` (a draft's figure) is stated by `b`: same value, and no conflicting unit. */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  if (Math.abs(a.value - b.value) > 1e-9) return false;
  // "Doubles" is a claim about a ratio; a bare 2 somewhere ("Study RA-2") does not state it.
  if (a.unit === 'fold') return b.unit === 'fold';
  return a.unit === null || b.unit === null || a.unit === b.unit;
}
