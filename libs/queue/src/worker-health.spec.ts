import { describe, expect, it } from '@jest/globals';
import { judgeWorkerHealth, OUTBOX_LAG_LIMIT_SECONDS, reconcileLimitSeconds, WORKER_ALIVE_WITHIN_SECONDS, WorkerHealthProblem } from './worker-health.js';

const idle = { pending: 0, pendingCapped: false, oldestPendingSeconds: null };
/** A worker seen `seenSecondsAgo`, started an hour ago, its reconciler done a minute ago, every minute. */
const beat = (seenSecondsAgo: number, over: Partial<{ startedSecondsAgo: number; reconciledSecondsAgo: number | null; reconcileIntervalMs: number }> = {}) => ({
  seenSecondsAgo,
  startedSecondsAgo: 3600,
  reconciledSecondsAgo: 60,
  reconcileIntervalMs: 60_000,
  ...over,
});

describe("the worker's health", () => {
  it('is ok with a worker seen lately, reconciling, and nothing waiting long', () => {
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(2)] })).toEqual({
      status: 'ok',
      problems: [],
      liveWorkers: 1,
      lastSeenSecondsAgo: 2,
      outbox: idle,
    });
    const busy = { pending: 40, pendingCapped: false, oldestPendingSeconds: OUTBOX_LAG_LIMIT_SECONDS };
    expect(judgeWorkerHealth({ outbox: busy, heartbeats: [beat(1), beat(4)] })).toMatchObject({ status: 'ok', liveWorkers: 2 });
  });

  it('is late when no worker was seen within the limit, even with nothing to relay (reminders wait in the queue)', () => {
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [] })).toMatchObject({ status: 'late', problems: [WorkerHealthProblem.NoLiveWorker], liveWorkers: 0, lastSeenSecondsAgo: null });
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(WORKER_ALIVE_WITHIN_SECONDS + 0.5), beat(900)] })).toMatchObject({
      status: 'late',
      problems: [WorkerHealthProblem.NoLiveWorker],
      lastSeenSecondsAgo: WORKER_ALIVE_WITHIN_SECONDS + 0.5,
    });
  });

  it('is late when a row waited longer than the limit, though a worker says it is alive (its relay fails)', () => {
    const stuck = { pending: 3, pendingCapped: false, oldestPendingSeconds: OUTBOX_LAG_LIMIT_SECONDS + 1 };
    expect(judgeWorkerHealth({ outbox: stuck, heartbeats: [beat(1)] })).toMatchObject({ status: 'late', problems: [WorkerHealthProblem.OutboxLagging] });
    expect(judgeWorkerHealth({ outbox: stuck, heartbeats: [] }).problems).toEqual([WorkerHealthProblem.NoLiveWorker, WorkerHealthProblem.OutboxLagging]);
  });

  it('is late when no live worker finished a reconciler pass within three intervals and five minutes (far reminders go unqueued)', () => {
    const limit = reconcileLimitSeconds(60_000);
    expect(limit).toBe(480);
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: limit })] }).status).toBe('ok');
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: limit + 1 })] })).toMatchObject({ status: 'late', problems: [WorkerHealthProblem.ReconcilerStalled] });
    // before its first pass, counted from its start
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: null, startedSecondsAgo: 20 })] }).status).toBe('ok');
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: null, startedSecondsAgo: limit + 1 })] }).problems).toEqual([WorkerHealthProblem.ReconcilerStalled]);
    // one live worker reconciling is enough; a gone worker's passes do not count
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: 5000 }), beat(2)] }).status).toBe('ok');
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: 5000 }), beat(WORKER_ALIVE_WITHIN_SECONDS + 1)] }).problems).toEqual([WorkerHealthProblem.ReconcilerStalled]);
    // its own interval: a worker reconciling hourly has three hours and five minutes
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [beat(1, { reconciledSecondsAgo: 3 * 3600, reconcileIntervalMs: 3_600_000 })] }).status).toBe('ok');
  });
});
