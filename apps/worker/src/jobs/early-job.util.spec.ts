import { describe, expect, it } from '@jest/globals';
import { DelayedError, type Job } from 'bullmq';
import { EARLY_TOLERANCE_MS, isEarly, waitUntil } from './early-job.util.js';

describe('a job that comes early', () => {
  const now = new Date('2026-12-07T00:00:00.000Z');
  const after = (ms: number) => new Date(now.getTime() + ms);

  it('is early only beyond the tolerance (clock skew between hosts)', () => {
    expect(isEarly(after(EARLY_TOLERANCE_MS + 1), now)).toBe(true);
    expect(isEarly(after(EARLY_TOLERANCE_MS), now)).toBe(false);
    expect(isEarly(after(-1), now)).toBe(false);
  });

  it('waits: moved to the delayed set until its time with its lock token, and not completed', async () => {
    const moves: Array<[number, string | undefined]> = [];
    const job = { moveToDelayed: async (at: number, token?: string) => void moves.push([at, token]) } as unknown as Job;
    await expect(waitUntil({ job, token: 'lock-1' }, after(60_000))).rejects.toBeInstanceOf(DelayedError);
    expect(moves).toEqual([[now.getTime() + 60_000, 'lock-1']]);
  });
});
