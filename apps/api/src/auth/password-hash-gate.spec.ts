import { describe, expect, it } from '@jest/globals';
import { HashGateFull, PasswordHashGate } from './password-hash-gate.js';

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
});
