import type { ReplyRoute } from '../reply.js';

/** One question in a thread, as the next follow-up needs it. */
export interface ConversationTurn {
  /** What the rep typed. */
  question: string;
  /** The question with its context ("max dose of zorvex? and for kids?"): what was searched. */
  effectiveQuestion: string;
  /** Product slugs the question was about. */
  products: string[];
  route: ReplyRoute | null;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * Thread memory for follow-ups ("and for kids?"). Slack threads and the `chat` REPL each have
 * a thread id. Implementations must bound what they keep: this is context, not a record (the
 * audit log is the record).
 */
export interface ConversationStore {
  /** The latest turn of a thread, or null when there is none (or it is too old to be context). */
  latest(threadId: string): Promise<ConversationTurn | null>;
  remember(threadId: string, turn: ConversationTurn): Promise<void>;
}
