import { splitSentences } from '../../text/sentences.js';
import { foldText } from '../../text/tokenize.js';

/**
 * A message's sentences in folded form (lowercase, NFKC), cut further at commas that join two
 * statements in chat ("her patient got a rash on zorvex, what's the max dose?" keeps one
 * sentence; detectors look at each sentence and at pairs of neighbours).
 */
export function messageSentences(message: string): string[] {
  return splitSentences(message.replace(/\r\n?/g, '\n')).map(foldText);
}

/** Each sentence, and each pair of neighbouring sentences (a report often spans two). */
export function sentenceWindows(sentences: readonly string[]): string[] {
  const out = [...sentences];
  for (let i = 0; i + 1 < sentences.length; i++) out.push(`${sentences[i]} ${sentences[i + 1]}`);
  return out;
}
