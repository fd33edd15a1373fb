import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { jobIdOf, JobProducer, QueueName } from '#queue';
import { deadlineEventJob } from '../apps/worker/src/deadlines/deadline-jobs.util.js';
import { clearQueuePrefix, TEST_REDIS_URL } from '#testing';

/**
 * A job is planned (a reconciler pass over thousands of deadlines, a relay batch) some time before it
 * reaches Redis. It must still come due at its event's instant: a delay counted from the planning
 * made every reminder of a 10,000-deadline pass late by the pass's length (bench/RESULTS.md 3).
 */
describe('when a delayed job comes due', () => {
  const prefix = `alur_test_timing_${process.pid}`;
  const producer = new JobProducer({ redisUrl: TEST_REDIS_URL, prefix });
  afterAll(async () => {
    await producer.close();
    await clearQueuePrefix(prefix);
  });

  it("at the deadline event's instant, however long after planning the job is added", async () => {
    const at = new Date(Date.now() + 60_000);
    const planned = deadlineEventJob({ id: randomUUID(), generation: 1 }, { event: 'REMINDER', sequence: 1, at });
    await new Promise((r) => setTimeout(r, 600)); // the rest of the pass
    await producer.add([planned]);

    const job = await producer.queue(QueueName.Deadlines).getJob(jobIdOf(planned.item));
    expect(await job!.getState()).toBe('delayed');
    expect(Math.abs(job!.timestamp + job!.delay - at.getTime())).toBeLessThan(100);
  });

  it('at once when its instant has passed, and at once when it names none', async () => {
    const late = deadlineEventJob({ id: randomUUID(), generation: 1 }, { event: 'OVERDUE', sequence: 1, at: new Date(Date.now() - 5_000) });
    const { item } = deadlineEventJob({ id: randomUUID(), generation: 1 }, { event: 'OVERDUE', sequence: 1, at: new Date() });
    const now = { item }; // no instant
    await producer.add([late, now]);
    for (const planned of [late, now]) {
      const job = await producer.queue(QueueName.Deadlines).getJob(jobIdOf(planned.item));
      expect(job!.delay).toBe(0);
    }
  });
});
