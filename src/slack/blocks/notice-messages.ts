import type { Language } from '../../knowledge/types.js';
import type { SlackMessage } from './slack-message.js';
import { uiTexts } from './ui-texts.js';

// Short one-line messages: the placeholder, errors, refusals. Each is one section, so the same
// message can later be replaced in place by chat.update.

function notice(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

export const placeholderMessage = (language: Language): SlackMessage => notice(uiTexts(language).placeholder);
export const errorMessage = (ref: string, language: Language): SlackMessage => notice(uiTexts(language).error(ref));
export const emptyQuestionMessage = (language: Language): SlackMessage => notice(uiTexts(language).emptyQuestion);
export const externalChannelMessage = (language: Language): SlackMessage => notice(uiTexts(language).external);
export const rateLimitedMessage = (limit: number, language: Language): SlackMessage => notice(uiTexts(language).rateLimited(limit));
export const plainNotice = (text: string): SlackMessage => notice(text);
