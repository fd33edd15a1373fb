import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { jobIdOf, JobName, JobProducer, QueueName, type JobToAdd } from '#queue';
import { deadlineEventJob } from '../apps/worker/src/deadlines/deadline-jobs.util.js';
import { clearQueuePrefix, TEST_REDIS_URL } from '#testing';

/**
 * The relay removes the jobs of every stage its batch's transitions left: one Lua call per job. Sent one
 * socket write each, they were a sixth of the worker's CPU (bench/RESULTS.md, "Where the worker's share
 * goes"); pipelined, a batch's calls leave together.
 */
describe("the job producer's Redis calls", () => {
  const prefix = `alur_test_pipeline_${process.pid}`;
  const producer = new JobProducer({ redisUrl: TEST_REDIS_URL, prefix });
  afterAll(async () => {
    await producer.close();
    await clearQueuePrefix(prefix);
  });

  const delayedJobs = (count: number): JobToAdd[] =>
    Array.from({ length: count }, () => deadlineEventJob({ id: randomUUID(), generation: 1 }, { event: 'REMINDER', sequence: 1, at: new Date(Date.now() + 3_600_000) }));

  async function socketWritesDuring(work: () => Promise<unknown>): Promise<number> {
    const client = await producer.queue(QueueName.Deadlines).getBackend().client;
    const socket = (client as unknown as { stream: Socket }).stream;
    const write = socket.write;
    let writes = 0;
    socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
      writes++;
      return write.apply(this, args);
    } as Socket['write'];
    try {
      await work();
    } finally {
      socket.write = write;
    }
    return writes;
  }

  it("remove a batch's forty jobs in one pipeline, each of them removed", async () => {
    const jobs = delayedJobs(40);
    await producer.add(jobs);
    const ids = jobs.map((job) => jobIdOf(job.item));
    expect(new Set(await producer.states(JobName.DeadlineEvent, ids))).toEqual(new Set(['delayed']));

    let removed = 0;
    const writes = await socketWritesDuring(async () => {
      removed = await producer.remove(JobName.DeadlineEvent, ids);
    });

    expect(removed).toBe(40);
    expect(writes).toBeLessThanOrEqual(2);
    expect(new Set(await producer.states(JobName.DeadlineEvent, ids))).toEqual(new Set(['unknown']));
  });

  it('read forty states in one pipeline too (the reconciler asks for every deadline it plans)', async () => {
    const jobs = delayedJobs(40);
    await producer.add(jobs);
    let states: string[] = [];
    const writes = await socketWritesDuring(async () => {
      states = await producer.states(JobName.DeadlineEvent, jobs.map((job) => jobIdOf(job.item)));
    });
    expect(states).toEqual(jobs.map(() => 'delayed'));
    expect(writes).toBeLessThanOrEqual(2);
  });
});
