import { describe, expect, it, jest } from '@jest/globals';
import { HashGateFull, PasswordHashGate, RecentlyRefused } from './password-hash-gate.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('password hash gate', () => {
  it('runs at most `concurrency` at once, queues up to `queue` in order, refuses the rest at once with Retry-After', async () => {
    const gate = new PasswordHashGate({ concurrency: 2, queue: 3 });
    const blockers = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        await b.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 3 });
    const refused = gate.run(async () => 'never');
    await expect(refused).rejects.toBeInstanceOf(HashGateFull);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect((await refused.catch((e: HashGateFull) => e.retryAfterSeconds)) as number).toBeGreaterThanOrEqual(1);

    blockers[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    blockers[0]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const b of blockers) b.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot when the work fails', async () => {
    const gate = new PasswordHashGate({ concurrency: 1, queue: 0 });
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    expect(await gate.run(async () => 'ok')).toBe('ok');
  });

  it('lets one username hold only its share: a flood on one account leaves room for another username', async () => {
    const gate = new PasswordHashGate({ concurrency: 1, queue: 3, share: 2 });
    const hold = deferred();
    const flood = [1, 2].map((i) => gate.run(() => hold.promise, { address: `10.0.0.${i}`, username: 'kaltim.sekda' }));
    await tick();
    // the same username from a third address is over its share, though a place is free
    const third = gate.run(async () => 'never', { address: '10.0.0.3', username: 'KALTIM.SEKDA' });
    await expect(third).rejects.toBeInstanceOf(HashGateFull);
    // another username is admitted while the flooder holds its share
    const other = gate.run(async () => 'in', { address: '10.0.0.4', username: 'kaltim.kadis' });
    hold.resolve();
    expect(await other).toBe('in');
    await Promise.all(flood);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('lets one address hold only its share, and says so before the username is known (refuses)', async () => {
    const gate = new PasswordHashGate({ concurrency: 1, queue: 3, share: 2 });
    const hold = deferred();
    const flood = [1, 2].map((i) => gate.run(() => hold.promise, { address: '10.0.0.9', username: `spray.user${i}` }));
    await tick();
    expect(gate.refuses('10.0.0.9')).toBeInstanceOf(HashGateFull);
    expect(gate.refuses('198.51.100.1')).toBeNull();
    await expect(gate.run(async () => 'never', { address: '10.0.0.9', username: 'spray.user3' })).rejects.toBeInstanceOf(HashGateFull);
    const other = gate.run(async () => 'in', { address: '198.51.100.1', username: 'kaltim.kadis' });
    hold.resolve();
    expect(await other).toBe('in');
    await Promise.all(flood);
    // once released, the address is welcome again
    expect(gate.refuses('10.0.0.9')).toBeNull();
  });

  it('refuses every address once each place is taken', async () => {
    const gate = new PasswordHashGate({ concurrency: 1, queue: 1 });
    const hold = deferred();
    const held = [1, 2].map((i) => gate.run(() => hold.promise, { address: `10.0.0.${i}`, username: `u${i}` }));
    await tick();
    expect(gate.refuses('198.51.100.1')?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    hold.resolve();
    await Promise.all(held);
    expect(gate.refuses('198.51.100.1')).toBeNull();
  });

  it('keeps a place for a client that comes back after a refusal, which a new address cannot take, served first', async () => {
    const gate = new PasswordHashGate({ concurrency: 1, queue: 1, kept: 1 });
    const hold = deferred();
    const order: string[] = [];
    const held = [1, 2].map((i) => gate.run(() => (order.push(`flood ${i}`), hold.promise), { address: `10.0.0.${i}`, username: `flood.user${i}` }));
    await tick();
    // full: a real user is refused and told to come back
    await expect(gate.run(async () => 'never', { address: '198.51.100.7', username: 'kaltim.sekda' })).rejects.toBeInstanceOf(HashGateFull);
    // the flood goes on from new addresses: still refused
    expect(gate.refuses('10.0.0.3')).toBeInstanceOf(HashGateFull);
    // the real user comes back: a kept place takes them, though every other place is still taken
    expect(gate.refuses('198.51.100.7')).toBeNull();
    const back = gate.run(async () => (order.push('came back'), 'signed in'), { address: '198.51.100.7', username: 'kaltim.sekda' });
    await tick();
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    // the kept place is taken now: another returning address waits its turn outside
    await expect(gate.run(async () => 'never', { address: '10.0.0.3', username: 'flood.user3' })).rejects.toBeInstanceOf(HashGateFull);
    hold.resolve();
    expect(await back).toBe('signed in');
    await Promise.all(held);
    expect(order).toEqual(['flood 1', 'came back', 'flood 2']); // who came back is served before the queue
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('recently refused addresses', () => {
  it('remembers every refused address for a window, matches a new one rarely, and forgets after two windows', () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const book = new RecentlyRefused(60_000);
      for (let i = 0; i < 10_000; i++) book.add(`10.1.${i >> 8}.${i & 255}`);
      for (let i = 0; i < 10_000; i++) expect(book.has(`10.1.${i >> 8}.${i & 255}`)).toBe(true);
      let strangers = 0;
      for (let i = 0; i < 10_000; i++) if (book.has(`172.20.${i >> 8}.${i & 255}`)) strangers += 1;
      expect(strangers).toBeLessThan(5);
      now += 61_000;
      expect(book.has('10.1.0.1')).toBe(true); // the previous window still counts
      now += 61_000;
      expect(book.has('10.1.0.1')).toBe(false);
    } finally {
      clock.mockRestore();
    }
  });
});
