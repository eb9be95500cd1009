import { describe, expect, it } from 'vitest';
import { combineWithPrevious, isFollowUp } from '../../src/answering/conversation/follow-up.js';
import { MemoryConversationStore } from '../../src/answering/conversation/memory-conversation-store.js';
import type { Clock } from '../../src/core/clock.js';

const turn = (question: string, at: number) => ({ question, effectiveQuestion: question, products: ['zorvex'], route: null, at });

describe('conversation context', () => {
  it('recognises follow-ups in both languages', () => {
    expect(isFollowUp('and for kids?', false)).toBe(true);
    expect(isFollowUp('what about with clarithromycin?', false)).toBe(true);
    expect(isFollowUp('那儿童呢？', false)).toBe(true);
    expect(isFollowUp('kids?', false)).toBe(true);
    expect(isFollowUp('and calmira?', true)).toBe(true);
    expect(isFollowUp('what is the maximum dose of zorvex for adults?', true)).toBe(false);
    expect(isFollowUp('how should calmira be stored', true)).toBe(false);
  });

  it('combines a follow-up with the question before it, swapping the product when another is named', () => {
    expect(combineWithPrevious('zorvex max dose?', 'and for kids?', ['Zorvex'], false)).toBe('zorvex max dose? and for kids?');
    expect(combineWithPrevious('how should calmira be stored', 'and zorvex?', ['Calmira', 'calmira'], true)).toBe('how should be stored and zorvex?');
  });

  it('keeps the latest turn per thread, forgets it after the time limit', async () => {
    let now = 0;
    const clock: Clock = { now: () => new Date(now) };
    const store = new MemoryConversationStore({ ttlMs: 1000, clock });
    await store.remember('t1', turn('first', 0));
    await store.remember('t1', turn('second', 10));
    expect((await store.latest('t1'))?.question).toBe('second');
    expect(await store.latest('other')).toBeNull();
    now = 2000;
    expect(await store.latest('t1')).toBeNull();
    expect(store.size).toBe(0);
  });

  it('is bounded in threads (least recently used goes first) and turns', async () => {
    const clock: Clock = { now: () => new Date(0) };
    const store = new MemoryConversationStore({ maxThreads: 2, maxTurns: 2, clock });
    await store.remember('a', turn('a1', 0));
    await store.remember('b', turn('b1', 0));
    await store.latest('a');
    await store.remember('c', turn('c1', 0));
    expect(store.size).toBe(2);
    expect(await store.latest('b')).toBeNull();
    expect((await store.latest('a'))?.question).toBe('a1');
  });
});
