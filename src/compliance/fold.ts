import { normalizeText } from '../text/normalize.js';

/**
 * Matching form of a text: NFKC (full-width digits, letters and punctuation fold to
 * half-width), no zero-width characters or soft hyphens, lowercase, collapsed whitespace, and
 * the traditional characters of compliance trigger words in simplified form (療效 → 疗效).
 * `start[k]`/`end[k]` give the span of the draft that produced folded character k, so a match
 * in the folded text maps back to the words the rep wrote.
 */
export interface FoldedText {
  text: string;
  start: number[];
  end: number[];
}

// Only characters that occur in trigger words of the rule packs: a full converter is not needed
// to match 保證治癒 or 無副作用, and a small table cannot surprise anyone.
const TRADITIONAL = '確療癒證險藥無號處統紅禮劑醫師絕對極癥壓應適兒護腫體殺獨國級進顯優於較減專薦錢費據數聽問話電郵樣當會這個們說備徹驗權贈購現帶點衝靈萬復發總過長門診檢測後時間開單講談讓給濟臨類選評論價實際範圍麼為與讚嚴禁斷癢膚腎臟臉頭痛傷關鍵標準廣告義務報導導結續類機構權威領導強於產銷額獎勵擔責補貼執業資質隨訪賬戶碼護照歲養謝懷孕婦嬰幫親媽爺奶們記錄';
const SIMPLIFIED = '确疗愈证险药无号处统红礼剂医师绝对极症压应适儿护肿体杀独国级进显优于较减专荐钱费据数听问话电邮样当会这个们说备彻验权赠购现带点冲灵万复发总过长门诊检测后时间开单讲谈让给济临类选评论价实际范围么为与赞严禁断痒肤肾脏脸头痛伤关键标准广告义务报导导结续类机构权威领导强于产销额奖励担责补贴执业资质随访账户码护照岁养谢怀孕妇婴帮亲妈爷奶们记录';
const SIMPLIFY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const from = [...TRADITIONAL];
  const to = [...SIMPLIFIED];
  from.forEach((char, i) => {
    const target = to[i];
    if (target !== undefined && target !== char) map.set(char, target);
  });
  // Curly apostrophes: "don’t" is "don't".
  map.set('\u2019', "'");
  map.set('\u2018', "'");
  return map;
})();

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /\s/;
const NON_ASCII = /[\u0080-\uffff]/;

export function simplifyChinese(text: string): string {
  let out = '';
  for (const char of text) out += SIMPLIFY.get(char) ?? char;
  return out;
}

/** The matching form of a text when offsets are not needed (rule terms, passages). */
export function foldPlain(text: string): string {
  return simplifyChinese(normalizeText(text).toLowerCase());
}

/** The matching form of a draft with a map back to the original offsets (see `FoldedText`). */
export function foldWithOffsets(text: string): FoldedText {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const raw = String.fromCodePoint(cp);
    i += width;
    if (INVISIBLE.test(raw)) continue;
    if (SPACE.test(raw)) {
      if (out.length > 0 && pendingSpace < 0) pendingSpace = i - width;
      continue;
    }
    let piece = NON_ASCII.test(raw) ? foldChar(raw, text, i - width) : raw.toLowerCase();
    if (SPACE.test(piece)) piece = piece.trim();
    if (piece === '') continue;
    if (pendingSpace >= 0) {
      out += ' ';
      start.push(pendingSpace);
      end.push(pendingSpace + 1);
      pendingSpace = -1;
    }
    for (let k = 0; k < piece.length; k++) {
      start.push(i - width);
      end.push(i);
    }
    out += piece;
  }
  return { text: out, start, end };
}

function foldChar(raw: string, text: string, at: number): string {
  // Labels write a degree sign as the ordinal "º" after a number; NFKC would make it "o".
  if ((raw === 'º' || raw === '˚') && at > 0 && /\d\s?$/.test(text.slice(Math.max(0, at - 2), at))) return '°';
  const folded = raw.normalize('NFKC').toLowerCase();
  return SIMPLIFY.get(folded) ?? folded;
}

/** The span of the original text behind folded characters [from, to). */
export function originalSpan(folded: FoldedText, from: number, to: number): { start: number; end: number } {
  const last = Math.max(from, to - 1);
  return { start: folded.start[from] ?? 0, end: folded.end[last] ?? folded.start[from] ?? 0 };
}
