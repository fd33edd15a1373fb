import { describe, expect, it } from '@jest/globals';
import argon2 from 'argon2';
import { HASHING_NICE, niceOf, threadIds, yieldHashingThreadsToEventLoop } from './hashing-thread-priority.js';

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('threads that hash passwords yield to the event loop', () => {
  it('lowers every thread but the event loop, libuv\'s pool included, and argon2 still verifies', async () => {
    const mainNice = niceOf(process.pid);
    const lowered = await yieldHashingThreadsToEventLoop();
    expect(lowered).toBeGreaterThanOrEqual(4); // at least libuv's four pool threads
    expect(niceOf(process.pid)).toBe(mainNice);
    const others = threadIds().filter((tid) => tid !== process.pid);
    for (const tid of others) expect(niceOf(tid)).toBeGreaterThanOrEqual(HASHING_NICE);
    // argon2 runs on the lowered pool and answers as before
    const hash = await argon2.hash('correct horse', { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
    expect(await argon2.verify(hash, 'correct horse')).toBe(true);
  });
});
