/**
 * "Take in requests first" under a burst. Node accepts one new connection per turn of the
 * event loop, so a turn that also runs an answer (milliseconds of CPU) holds back the next
 * accept — and with it Slack's ack, which must come within 3 seconds. While connections keep
 * arriving, work that is queued per turn (handing events to the app, starting answers) waits
 * for a turn in which none was accepted; at most `maxHoldMs` in a row, so a steady stream of
 * requests cannot starve it.
 * Limits: it sees connections, not requests on kept-alive ones; work already running (an
 * answer waiting on I/O) goes on.
 */
export class IntakeGate {
  private arrivals = 0;

  constructor(
    private readonly maxHoldMs = 300,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A connection was accepted (call from the server's `connection` event). */
  noteConnection(): void {
    this.arrivals += 1;
  }

  /**
   * For one queue that looks once per turn: true ("wait") when a connection was accepted since
   * its last look, until it has waited `maxHoldMs` in a row.
   */
  watcher(): () => boolean {
    let seen = this.arrivals;
    let holdStart: number | null = null;
    return () => {
      if (this.arrivals === seen) {
        holdStart = null;
        return false;
      }
      seen = this.arrivals;
      const now = this.now();
      holdStart ??= now;
      return now - holdStart < this.maxHoldMs;
    };
  }
}

/** Resolves on the first later turn (setImmediate) in which `holding` says go. */
export function nextFreeTurn(holding: (() => boolean) | undefined): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (holding?.() ? setImmediate(check) : resolve());
    setImmediate(check);
  });
}
