import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../src/slack/answer-queue.js';

describe('AnswerQueue', () => {
  it('runs at most `concurrency` tasks at once, all of them in the end, and frees the slot after a failure', async () => {
    const queue = new AnswerQueue(2);
    let running = 0;
    let peak = 0;
    const task = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (i === 3) throw new Error('boom');
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => queue.run(task(i))));
    expect(peak).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([0, 1, 2, 'failed', 4, 5, 6, 7]);
    expect(queue.pending).toBe(0);
  });

  it('lets I/O already waiting run before a queued answer starts', async () => {
    const queue = new AnswerQueue(4);
    const order: string[] = [];
    const answer = queue.run(async () => order.push('answer'));
    setImmediate(() => order.push('waiting I/O'));
    await answer;
    expect(order).toEqual(['waiting I/O', 'answer']);
  });

  it('refuses a limit below 1', () => {
    expect(() => new AnswerQueue(0)).toThrow(RangeError);
  });
});
