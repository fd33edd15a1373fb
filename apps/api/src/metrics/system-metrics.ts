import { Injectable, Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { WorkerHealthProblem, type WorkerHealth } from '#queue';
import { ApiQueues } from '../admin/api-queues.js';
import { withTimeout } from '../common/async/with-timeout.js';
import { WorkerHealthQuery } from '../health/worker-health.query.js';

/** BullMQ's states worth watching: what waits, runs, waits for its time, and what failed. */
const JOB_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
const SOURCE_TIMEOUT_MS = 2000;

/**
 * What the whole deployment is doing, read from PostgreSQL and Redis at each scrape (not per process):
 * whether reminders and notifications flow (the rule of `GET /health/worker`), the outbox's backlog
 * and the jobs in each queue. A source that does not answer says so (`alur_metrics_source_up` 0) and
 * its gauges are left out rather than kept at old values.
 */
@Injectable()
export class SystemMetrics {
  private readonly logger = new Logger(SystemMetrics.name);
  readonly registry = new Registry();
  private readonly sourceUp = this.gauge('alur_metrics_source_up', 'Whether the source answered this scrape (1) or not (0)', ['source']);
  private readonly workerHealthy = this.gauge('alur_worker_healthy', 'Whether reminders, escalations and notifications flow: 1 when GET /health/worker answers 200');
  private readonly workerProblem = this.gauge('alur_worker_health_problem', "1 for each of GET /health/worker's problems that holds now", ['problem']);
  private readonly workersAlive = this.gauge('alur_workers_alive', 'Worker processes that recorded a heartbeat in the last 30 s');
  private readonly workerLastSeen = this.gauge('alur_worker_last_seen_seconds', 'Seconds since any worker last recorded a heartbeat (absent when none was seen lately)');
  private readonly outboxPending = this.gauge('alur_outbox_pending', 'Outbox rows of transitions not yet relayed to the queues, counted up to 100,000');
  private readonly outboxCapped = this.gauge('alur_outbox_pending_capped', '1 when more outbox rows wait than alur_outbox_pending counts');
  private readonly outboxOldest = this.gauge('alur_outbox_oldest_pending_seconds', 'Age of the oldest outbox row not yet relayed (0 when none waits)');
  private readonly jobs = this.gauge('alur_queue_jobs', 'Jobs in Redis by queue and state', ['queue', 'state']);
  private reading: Promise<string> | null = null;

  constructor(
    private readonly workerHealth: WorkerHealthQuery,
    private readonly queues: ApiQueues,
  ) {}

  /** The exposition after reading both sources once; scrapes at the same moment (two Prometheus servers) share one reading. */
  read(): Promise<string> {
    this.reading ??= this.readNow().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readNow(): Promise<string> {
    const [health, counts] = await Promise.allSettled([
      withTimeout(this.workerHealth.read(), SOURCE_TIMEOUT_MS, `PostgreSQL did not answer within ${SOURCE_TIMEOUT_MS} ms`),
      withTimeout(this.jobCounts(), SOURCE_TIMEOUT_MS, `Redis did not answer within ${SOURCE_TIMEOUT_MS} ms`),
    ]);
    this.registry.resetMetrics();
    this.sourceUp.set({ source: 'postgres' }, health.status === 'fulfilled' ? 1 : 0);
    this.sourceUp.set({ source: 'redis' }, counts.status === 'fulfilled' ? 1 : 0);
    if (health.status === 'fulfilled') this.setWorkerHealth(health.value);
    else this.logger.warn(`Metrics: worker health not read: ${(health.reason as Error).message}`);
    if (counts.status === 'fulfilled') for (const c of counts.value) this.jobs.set({ queue: c.queue, state: c.state }, c.count);
    else this.logger.warn(`Metrics: queue counts not read: ${(counts.reason as Error).message}`);
    return this.registry.metrics();
  }

  private setWorkerHealth(health: WorkerHealth): void {
    this.workerHealthy.set(health.status === 'ok' ? 1 : 0);
    for (const problem of Object.values(WorkerHealthProblem)) this.workerProblem.set({ problem }, health.problems.includes(problem) ? 1 : 0);
    this.workersAlive.set(health.liveWorkers);
    if (health.lastSeenSecondsAgo !== null) this.workerLastSeen.set(health.lastSeenSecondsAgo);
    this.outboxPending.set(health.outbox.pending);
    this.outboxCapped.set(health.outbox.pendingCapped ? 1 : 0);
    this.outboxOldest.set(health.outbox.oldestPendingSeconds ?? 0);
  }

  private async jobCounts(): Promise<Array<{ queue: string; state: string; count: number }>> {
    const perQueue = await Promise.all(
      this.queues.all().map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...JOB_STATES) })),
    );
    return perQueue.flatMap(({ queue, counts }) => JOB_STATES.map((state) => ({ queue, state, count: counts[state] ?? 0 })));
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
