import { Queue, type JobsOptions, type JobState } from 'bullmq';
import { QueueName } from '../queue-name.enum.js';
import { redisOptionsFromUrl } from '../redis-connection.js';
import { jobIdOf } from './job-ids.js';
import { QUEUE_OF_JOB, type JobName } from './job-name.enum.js';
import type { JobItem } from './job-payloads.js';

/**
 * Every job is retried with exponential backoff (1 s, 2 s, 4 s, 8 s) before it counts as failed;
 * finished jobs are removed so that their deterministic id can be used again, failed ones are kept
 * a week for the dashboard.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = Object.freeze({
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
});

export interface JobProducerOptions {
  redisUrl: string;
  prefix: string;
  /** How long one call may wait for Redis before it fails (the relay then keeps its outbox rows). */
  timeoutMs?: number;
}

export interface JobToAdd {
  item: JobItem;
  /**
   * When it runs; absent or past: at once. An instant, not a delay: a delay counted from when the job
   * was planned would make it late by however long planning and adding took (a reconciler pass over
   * many deadlines takes seconds). The producer turns it into BullMQ's delay as it adds the job.
   */
  at?: Date;
}

export type JobStateOrUnknown = JobState | 'unknown';

export class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeoutError';
}

/**
 * Adds, removes and inspects jobs by deterministic id. Its Redis connections fail fast (no offline
 * queue, one retry) so a Redis outage surfaces as an error instead of a call that hangs, and pipeline
 * automatically: the commands of one call (a removal per job) leave in one socket write, not one each.
 */
export class JobProducer {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly timeoutMs: number;

  constructor(options: JobProducerOptions) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    const connection = { ...redisOptionsFromUrl(options.redisUrl, 'producer'), enableAutoPipelining: true };
    for (const name of Object.values(QueueName)) {
      const queue = new Queue(name, { connection, prefix: options.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', () => undefined); // surfaced by the failing call; ioredis reconnects on its own
      this.queues.set(name, queue);
    }
  }

  queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  /** Adds the jobs (one round trip per queue); an id that exists already is left as it is. */
  async add(jobs: readonly JobToAdd[]): Promise<void> {
    if (jobs.length === 0) return;
    const byQueue = new Map<QueueName, Array<{ name: string; data: unknown; opts: JobsOptions }>>();
    const now = Date.now();
    for (const { item, at } of jobs) {
      const queueName = QUEUE_OF_JOB[item.name];
      const list = byQueue.get(queueName) ?? [];
      const delay = at === undefined ? 0 : Math.max(0, at.getTime() - now);
      list.push({ name: item.name, data: item.data, opts: { ...DEFAULT_JOB_OPTIONS, jobId: jobIdOf(item), delay } });
      byQueue.set(queueName, list);
    }
    await this.withTimeout(
      Promise.all([...byQueue].map(([queueName, list]) => this.queue(queueName).addBulk(list))),
      'add jobs',
    );
  }

  /** Removes jobs by id; a missing job is fine, a running (locked) one is left to run (and find nothing to do). */
  async remove(name: JobName, jobIds: readonly string[]): Promise<number> {
    if (jobIds.length === 0) return 0;
    const queue = this.queue(QUEUE_OF_JOB[name]);
    const codes = await this.withTimeout(Promise.all(jobIds.map((id) => queue.remove(id))), 'remove jobs');
    return codes.filter((code) => code === 1).length;
  }

  /** The state of each job, 'unknown' when Redis has no such job. */
  async states(name: JobName, jobIds: readonly string[]): Promise<JobStateOrUnknown[]> {
    if (jobIds.length === 0) return [];
    const queue = this.queue(QUEUE_OF_JOB[name]);
    return this.withTimeout(Promise.all(jobIds.map((id) => queue.getJobState(id))), 'read job states');
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
  }

  private async withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RedisTimeoutError(`Redis did not answer within ${this.timeoutMs} ms (${what})`)), this.timeoutMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined); // a late failure of an abandoned call is not unhandled
    }
  }
}
