import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DelayedError, Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { ALL_JOB_NAMES, isJobPayload, QueueName, redisOptionsFromUrl, type JobName } from '#queue';
import { buildHandlerMap, type DiscoveredHandler } from './job-handler.registry.js';
import type { JobHandlerFn } from './job-handler.types.js';
import { JOB_HANDLER_METADATA } from './on-job.decorator.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';

/**
 * Jobs are short (a few queries, one e-mail) and mostly wait on PostgreSQL, so twenty run at once (a
 * burst of reminders falling due together is not queued behind five); a crashed worker's job is taken
 * over within ~20 s. The database pool is sized to match (DATABASE_POOL_SIZE).
 */
const WORKER_SETTINGS = { concurrency: 20, lockDuration: 15_000, stalledInterval: 10_000, maxStalledCount: 5 } as const;

/**
 * Finds the `@OnJob` handlers, refuses to start unless every `JobName` has exactly one, and runs one
 * BullMQ worker per queue that dispatches each job to its handler by name.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private handlers = new Map<JobName, JobHandlerFn>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = buildHandlerMap(this.discover());
    const connection = redisOptionsFromUrl(this.config.redisUrl, 'worker');
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(queueName, (job, token) => this.dispatch(job, token), {
        connection,
        prefix: this.config.queuePrefix,
        ...WORKER_SETTINGS,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}/${job?.opts.attempts}): ${error.message}`),
      );
      worker.on('error', (error) => this.logger.warn(`Queue ${queueName}: ${error.message}`));
      this.workers.push(worker);
    }
    this.logger.log(`Handling ${ALL_JOB_NAMES.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((worker) => worker.close()));
  }

  private async dispatch(job: Job, token?: string): Promise<unknown> {
    const ended = this.metrics.jobStarted(job);
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) {
      this.logger.warn(`Dropped job ${job.id}: no job is named ${JSON.stringify(job.name).slice(0, 80)}`);
      ended('dropped');
      return 'dropped: unknown job name';
    }
    if (!isJobPayload(job.name as JobName, job.data)) {
      this.logger.warn(`Dropped job ${job.name} ${job.id}: its data is not a ${job.name} payload`);
      ended('dropped');
      return 'dropped: malformed payload';
    }
    try {
      const result = await handler(job.data, { job, token });
      // a handler that finds nothing to do for the job says why as 'dropped: ...' (forged-jobs.e2e-spec)
      ended(typeof result === 'string' && result.startsWith('dropped:') ? 'dropped' : 'completed');
      return result;
    } catch (error) {
      ended(error instanceof DelayedError ? 'delayed' : 'failed');
      throw error;
    }
  }

  private discover(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, fn as (...args: unknown[]) => unknown);
        if (name) found.push({ name, owner: `${instance.constructor.name}.${method}`, fn: (fn as JobHandlerFn).bind(instance) });
      }
    }
    return found;
  }
}
