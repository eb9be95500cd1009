import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type HomeView = types.HomeView;
export type ModalView = types.ModalView;

/** One message as chat.postMessage / chat.update / response_url take it. */
export interface SlackMessage {
  /** Notification and accessibility text. */
  text: string;
  blocks: Block[];
}
export type ActionsBlock = types.ActionsBlock;
