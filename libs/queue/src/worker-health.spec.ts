import { describe, expect, it } from '@jest/globals';
import { judgeWorkerHealth, OUTBOX_LAG_LIMIT_SECONDS, WORKER_ALIVE_WITHIN_SECONDS, WorkerHealthProblem } from './worker-health.js';

const idle = { pending: 0, oldestPendingSeconds: null };

describe("the worker's health", () => {
  it('is ok with a worker seen lately and nothing waiting long', () => {
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [{ seenSecondsAgo: 2 }] })).toEqual({
      status: 'ok',
      problems: [],
      liveWorkers: 1,
      lastSeenSecondsAgo: 2,
      outbox: idle,
    });
    const busy = { pending: 40, oldestPendingSeconds: OUTBOX_LAG_LIMIT_SECONDS };
    expect(judgeWorkerHealth({ outbox: busy, heartbeats: [{ seenSecondsAgo: 1 }, { seenSecondsAgo: 4 }] })).toMatchObject({ status: 'ok', liveWorkers: 2 });
  });

  it('is late when no worker was seen within the limit, even with nothing to relay (reminders wait in the queue)', () => {
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [] })).toMatchObject({ status: 'late', problems: [WorkerHealthProblem.NoLiveWorker], liveWorkers: 0, lastSeenSecondsAgo: null });
    expect(judgeWorkerHealth({ outbox: idle, heartbeats: [{ seenSecondsAgo: WORKER_ALIVE_WITHIN_SECONDS + 0.5 }, { seenSecondsAgo: 900 }] })).toMatchObject({
      status: 'late',
      problems: [WorkerHealthProblem.NoLiveWorker],
      lastSeenSecondsAgo: WORKER_ALIVE_WITHIN_SECONDS + 0.5,
    });
  });

  it('is late when a row waited longer than the limit, though a worker says it is alive (its relay fails)', () => {
    const stuck = { pending: 3, oldestPendingSeconds: OUTBOX_LAG_LIMIT_SECONDS + 1 };
    expect(judgeWorkerHealth({ outbox: stuck, heartbeats: [{ seenSecondsAgo: 1 }] })).toMatchObject({ status: 'late', problems: [WorkerHealthProblem.OutboxLagging] });
    expect(judgeWorkerHealth({ outbox: stuck, heartbeats: [] }).problems).toEqual([WorkerHealthProblem.NoLiveWorker, WorkerHealthProblem.OutboxLagging]);
  });
});
