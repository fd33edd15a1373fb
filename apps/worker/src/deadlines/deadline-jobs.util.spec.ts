import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jobHorizonMs, mayBeQueued, MIN_HORIZON_MS, QUEUE_CLOCK_SKEW_MS, queuedNow } from './deadline-jobs.util.js';

const MINUTE = 60_000;
const now = new Date('2026-12-07T01:00:00Z');
const after = (ms: number) => new Date(now.getTime() + ms);

describe('which deadline events wait in Redis', () => {
  it('queues what is due within three reconciler passes, an hour at least', () => {
    expect(jobHorizonMs(60_000)).toBe(MIN_HORIZON_MS);
    expect(jobHorizonMs(30 * MINUTE)).toBe(90 * MINUTE);
    expect(queuedNow(after(-MINUTE), now, 60_000)).toBe(true); // overdue: at once
    expect(queuedNow(after(MIN_HORIZON_MS), now, 60_000)).toBe(true);
    expect(queuedNow(after(MIN_HORIZON_MS + 1), now, 60_000)).toBe(false); // a later pass finds it
    expect(queuedNow(after(3 * 24 * 60 * MINUTE), now, 60_000)).toBe(false); // a stage's reminder, days ahead
  });

  it('removes whatever another process may have queued, its clock a few minutes off', () => {
    expect(mayBeQueued(after(MIN_HORIZON_MS + QUEUE_CLOCK_SKEW_MS), now, 60_000)).toBe(true);
    expect(mayBeQueued(after(MIN_HORIZON_MS + QUEUE_CLOCK_SKEW_MS + 1), now, 60_000)).toBe(false);
    // whatever this process would queue now, it also counts as possibly queued
    fc.assert(
      fc.property(fc.integer({ min: -86_400_000, max: 86_400_000 }), fc.integer({ min: 100, max: 3_600_000 }), (ms, interval) => !queuedNow(after(ms), now, interval) || mayBeQueued(after(ms), now, interval)),
    );
  });
});
