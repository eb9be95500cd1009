import { type IntakeGate, nextFreeTurn } from './intake-gate.js';

/**
 * Runs answers a few at a time, starting at most one per turn of the event loop. An offline
 * answer is mostly synchronous CPU on Node's one thread: started together under a burst,
 * answers would hold up the HTTP receiver, and with it Slack's 3-second acks. Starting each on
 * its own turn (setImmediate) lets requests that arrived meanwhile be acknowledged in between.
 * The limit matters in LLM mode, where answers mostly wait on the model.
 */
export class AnswerQueue {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private turn: Promise<void> = Promise.resolve();

  private readonly holding: (() => boolean) | undefined;

  /** `gate`: while connections keep arriving, answers wait for a later turn to start. */
  constructor(
    readonly concurrency: number,
    gate?: IntakeGate,
  ) {
    this.holding = gate?.watcher();
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a whole number of at least 1');
  }

  get pending(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.slot();
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  private slot(): Promise<void> {
    return new Promise((resolve) => {
      const start = () => {
        this.active += 1;
        this.turn = this.turn.then(() => nextFreeTurn(this.holding));
        void this.turn.then(resolve);
      };
      if (this.active < this.concurrency) start();
      else this.waiting.push(start);
    });
  }
}
