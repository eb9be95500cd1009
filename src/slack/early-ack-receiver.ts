import { type App, HTTPReceiver, type HTTPReceiverOptions, type ReceiverEvent } from '@slack/bolt';
import { type IntakeGate, nextFreeTurn } from './intake-gate.js';

/** Runs queued work one item per turn of the event loop, after the I/O that turn found ready. */
export class TurnQueue {
  private readonly items: Array<() => void> = [];
  private scheduled = false;

  private readonly holding: (() => boolean) | undefined;

  /** `gate`: while connections keep arriving, the queue waits for a later turn. */
  constructor(gate?: IntakeGate) {
    this.holding = gate?.watcher();
  }

  push(work: () => void): void {
    this.items.push(work);
    this.schedule();
  }

  get size(): number {
    return this.items.length;
  }

  private schedule(): void {
    if (this.scheduled || this.items.length === 0) return;
    this.scheduled = true;
    void nextFreeTurn(this.holding).then(() => {
      this.scheduled = false;
      this.items.shift()?.();
      this.schedule();
    });
  }
}

export interface EarlyAckOptions {
  /** Keeps count of events acknowledged but not yet handled (so `stop()` and `idle()` wait for them). */
  track: (work: Promise<unknown>) => unknown;
  /** Called if handing an event to the app fails outside its listeners (Bolt reports those itself). */
  onError: (error: unknown) => void;
  /** Events wait for a turn in which it saw no new connection (the app tells it of each). */
  gate?: IntakeGate;
}

/**
 * Bolt's HTTP receiver, acknowledging Events API deliveries (mentions, messages, App Home) as
 * soon as their signature and body check out, and handing them to the app on a later turn of
 * the event loop, one per turn. Bolt itself acks an event only after authorizing it and setting
 * up its context, in the same turn as the listener's first work; under a burst, acks then queue
 * behind answers being computed, and Slack retries after 3 seconds. An event carries no response
 * body, so acking it early changes nothing else.
 *
 * Slash commands, interactions, options and `function_executed` events still ack through Bolt:
 * their ack may carry a body (an error, options, a view update) that only the listener knows.
 */
export class EarlyAckHTTPReceiver extends HTTPReceiver {
  private readonly queue: TurnQueue;

  constructor(
    options: HTTPReceiverOptions,
    private readonly early: EarlyAckOptions,
  ) {
    super(options);
    this.queue = new TurnQueue(early.gate);
  }

  override init(app: App): void {
    const queue = this.queue;
    const { track, onError } = this.early;
    const processEvent = async (event: ReceiverEvent): Promise<void> => {
      if (!acksEarly(event.body)) return app.processEvent(event);
      await event.ack();
      const handled = new Promise<void>((resolve) => {
        queue.push(() => {
          app
            .processEvent({ ...event, ack: async () => undefined })
            .catch(onError)
            .finally(resolve);
        });
      });
      track(handled);
    };
    super.init(Object.create(app, { processEvent: { value: processEvent } }) as App);
  }
}

function acksEarly(body: ReceiverEvent['body']): boolean {
  const event = (body as { type?: unknown; event?: { type?: unknown } }).event;
  return (body as { type?: unknown }).type === 'event_callback' && event?.type !== 'function_executed';
}
