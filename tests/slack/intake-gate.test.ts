import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../src/slack/answer-queue.js';
import { TurnQueue } from '../../src/slack/early-ack-receiver.js';
import { IntakeGate, nextFreeTurn } from '../../src/slack/intake-gate.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('IntakeGate', () => {
  it('holds a queue for every look that follows a new connection, and lets it go on a look without one', () => {
    let now = 0;
    const gate = new IntakeGate(300, () => now);
    const holding = gate.watcher();
    expect(holding()).toBe(false);
    gate.noteConnection();
    expect(holding()).toBe(true);
    gate.noteConnection();
    gate.noteConnection();
    now = 10;
    expect(holding()).toBe(true);
    expect(holding()).toBe(false);
  });

  it('gives each queue its own look: one queue seeing a connection does not hide it from another', () => {
    const gate = new IntakeGate(300, () => 0);
    const events = gate.watcher();
    const answers = gate.watcher();
    gate.noteConnection();
    expect(events()).toBe(true);
    expect(answers()).toBe(true);
  });

  it('holds at most maxHoldMs in a row, however steadily connections arrive', () => {
    let now = 0;
    const gate = new IntakeGate(300, () => now);
    const holding = gate.watcher();
    const seen: boolean[] = [];
    for (now = 0; now <= 400; now += 100) {
      gate.noteConnection();
      seen.push(holding());
    }
    expect(seen).toEqual([true, true, true, false, false]);
    // A quiet look ends the hold; the next connection starts a new one.
    expect(holding()).toBe(false);
    gate.noteConnection();
    expect(holding()).toBe(true);
  });

  it('nextFreeTurn waits while connections keep arriving, then resolves on a later turn', async () => {
    const gate = new IntakeGate();
    const holding = gate.watcher();
    let passed = false;
    gate.noteConnection();
    const waiting = nextFreeTurn(holding).then(() => (passed = true));
    for (let i = 0; i < 5; i++) {
      gate.noteConnection();
      await turn();
      expect(passed).toBe(false);
    }
    await turn();
    await turn();
    await waiting;
    expect(passed).toBe(true);
  });

  it('queues of events and answers start nothing while connections arrive', async () => {
    const gate = new IntakeGate();
    const events = new TurnQueue(gate);
    const answers = new AnswerQueue(4, gate);
    const ran: string[] = [];
    gate.noteConnection();
    events.push(() => ran.push('event'));
    const answer = answers.run(async () => ran.push('answer'));
    for (let i = 0; i < 4; i++) {
      gate.noteConnection();
      await turn();
    }
    expect(ran).toEqual([]);
    await answer;
    for (let i = 0; i < 3 && ran.length < 2; i++) await turn();
    expect(ran.sort()).toEqual(['answer', 'event']);
  });
});
