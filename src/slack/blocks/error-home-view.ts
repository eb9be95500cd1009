import { errorMessage } from './notice-messages.js';
import type { HomeView } from './slack-message.js';

/** App Home when the status could not be read: the reference id, never the error. */
export function buildErrorHomeView(ref: string): HomeView {
  return {
    type: 'home',
    blocks: [{ type: 'header', text: { type: 'plain_text', text: 'repbot · approved knowledge' } }, ...errorMessage(ref, 'en').blocks],
  };
}
