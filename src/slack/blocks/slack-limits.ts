/** Slack's Block Kit limits that repbot's messages must respect. */
export const BLOCK_KIT_LIMITS = {
  /** Characters in a section block's text. */
  sectionText: 3000,
  /** Characters in one context block element's text. */
  contextText: 2000,
  contextElements: 10,
  headerText: 150,
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  blocksPerModal: 100,
  buttonText: 75,
  buttonValue: 2000,
  /** Characters in a message's top-level `text` that Slack still displays in full. */
  messageText: 40_000,
  modalTitle: 24,
  privateMetadata: 3000,
} as const;
