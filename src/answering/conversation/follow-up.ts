import { foldText, tokenize } from '../../text/tokenize.js';

// "and for kids?", "what about with clarithromycin?", "那儿童呢？", "还有副作用呢"
const EN_OPENERS = /^(?:and|also|plus|what about|how about|same for|same with|ok(?:ay)?,? (?:and|what about)|and what about|for|in|with|what if)\b/;
const ZH_OPENERS = /^(?:那|那么|还有|另外|再问|如果是)/;
const ZH_ENDING = /呢[?？]?$/;
const MAX_FOLLOW_UP_TOKENS = 6;
const MAX_CONTEXT_CHARS = 400;

/**
 * True when a message only makes sense with the question before it: it opens like a
 * follow-up ("and…", "what about…", 那…呢) and is short, or is a few words naming no product.
 */
export function isFollowUp(message: string, namesProduct: boolean): boolean {
  const folded = foldText(message).trim();
  const size = tokenize(folded).length;
  if (size === 0 || size > MAX_FOLLOW_UP_TOKENS * 2) return false;
  if (EN_OPENERS.test(folded) || ZH_OPENERS.test(folded) || ZH_ENDING.test(folded)) return size <= MAX_FOLLOW_UP_TOKENS * 2;
  return !namesProduct && size <= 2;
}

/**
 * The question a follow-up stands for: the previous question and the follow-up together
 * ("max dose of zorvex? and for kids?"). When the follow-up names another product, the previous
 * question's product names are taken out, so "and calmira?" asks the same about Calmira.
 */
export function combineWithPrevious(previous: string, followUp: string, previousProductNames: readonly string[], namesProduct: boolean): string {
  let base = previous;
  if (namesProduct) {
    for (const name of previousProductNames) {
      if (name.trim() === '') continue;
      base = base.replace(new RegExp(escape(name), 'gi'), ' ');
    }
  }
  const combined = `${base.trim()} ${followUp.trim()}`.replace(/\s+/g, ' ');
  return combined.length > MAX_CONTEXT_CHARS ? combined.slice(combined.length - MAX_CONTEXT_CHARS) : combined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
