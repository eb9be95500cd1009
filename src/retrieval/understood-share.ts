import { isCjkStopChar } from '../text/stopwords.js';

const CJK = /[\u3400-\u9fff]/;
/** Question words and fillers that carry no topic. */
const FILLERS = ['多少', '什么', '怎么', '怎样', '如何', '哪些', '哪个', '可以', '能不能', '是否', '需要', '要不要', '一下', '请问'];

/**
 * Share of a Chinese question's content characters that repbot understands: covered by a
 * glossary match, a product name, or a word found in the indexed material. A question that is
 * mostly unknown words ("周末去哪里爬山") is not about the approved material, however well its
 * one or two known words match. Returns 1 for text without Chinese characters.
 */
export function understoodShare(question: string, knownSpans: string[], isKnownBigram: (bigram: string) => boolean): number {
  let text = question;
  for (const filler of FILLERS) text = text.replaceAll(filler, ' ');
  const chars = [...text];
  const content = chars.map((c, i) => ({ c, i })).filter(({ c }) => CJK.test(c) && !isCjkStopChar(c));
  if (content.length === 0) return 1;
  const covered = new Set<number>();
  const joined = chars.join('');
  for (const span of knownSpans.filter((s) => CJK.test(s))) {
    for (let from = joined.indexOf(span); from >= 0; from = joined.indexOf(span, from + 1)) {
      for (let k = 0; k < [...span].length; k++) covered.add(from + k);
    }
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = `${chars[i]}${chars[i + 1]}`;
    if (CJK.test(chars[i] ?? '') && CJK.test(chars[i + 1] ?? '') && isKnownBigram(bigram)) {
      covered.add(i);
      covered.add(i + 1);
    }
  }
  return content.filter(({ i }) => covered.has(i)).length / content.length;
}
