// English function words, question words and chat filler. Negations are here too: a keyword
// index cannot use them (every label says "not"), and phrase-level negation is not searched.
const ENGLISH = `a about above after again against all also am an and any are as at be because been before
being below between both but by can cannot could did do does doing down during each either few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just let me more most my myself neither no nor not of off on only or other ought our ours ourselves
out over own same shall she should so some such than that the their theirs them themselves then there
these they this those through to too under until up upon very was we were what when where which while who
whom whose why will with within without would you your yours yourself yourselves
don doesn didn isn aren wasn weren hasn haven hadn won wouldn shouldn couldn can't ll ve re s t d m
hi hello hey please pls thanks thank tell know want wondering question ask asking asked may might must
okay ok yes yeah someone somebody anyone anybody happen happens hypothetically hypothetical got
need needs needed`;

const STOPWORDS: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/).filter((w) => w !== ''));

// Single CJK characters that carry no content on their own (only dropped when isolated).
const CJK_STOP_CHARS: ReadonlySet<string> = new Set('的了吗呢吧啊呀是和与或在有也都就还很请问么个这那'.split(''));

// Particles and question words that cut a CJK run into words: "修美乐的保存温度是多少" reads as
// 修美乐 | 保存温度, so no bigram spans 乐的 or 度是. Longest first. Documents and questions are cut
// alike, so a word that contains one of these (存在) still matches itself, by its pieces.
const CJK_BREAK_WORDS: readonly string[] = [
  '可不可以', '为什么', '是不是', '能不能', '有没有', '会不会', '要不要', '多少', '什么', '怎么', '怎样',
  '如何', '可以', '是否', '能否', '请问', '一下', '这个', '那个', '这种', '哪些', '哪个', '我们', '你们', '他们',
  '能用', '能吃', '可用', '需要', '应该', '一般',
  '的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '是', '和', '与', '或', '在',
];
const CJK_BREAKS: ReadonlyMap<string, readonly string[]> = (() => {
  const byFirst = new Map<string, string[]>();
  for (const word of CJK_BREAK_WORDS) {
    const list = byFirst.get(word[0] as string) ?? [];
    list.push(word);
    byFirst.set(word[0] as string, list);
  }
  return byFirst;
})();

export function isStopword(lowercaseWord: string): boolean {
  return STOPWORDS.has(lowercaseWord);
}

export function isCjkStopChar(char: string): boolean {
  return CJK_STOP_CHARS.has(char);
}

/** Splits a run of CJK characters at particles and question words, which are dropped. */
export function splitCjkRun(run: string): string[] {
  const segments: string[] = [];
  let start = 0;
  let i = 0;
  while (i < run.length) {
    const candidates = CJK_BREAKS.get(run[i] as string);
    const hit = candidates?.find((word) => run.startsWith(word, i));
    if (hit === undefined) {
      i++;
      continue;
    }
    if (i > start) segments.push(run.slice(start, i));
    i += hit.length;
    start = i;
  }
  if (start < run.length) segments.push(start === 0 ? run : run.slice(start));
  return segments;
}
