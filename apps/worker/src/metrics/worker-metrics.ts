import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { Counter, Histogram } from 'prom-client';
import { processRegistry } from '#metrics';
import { ALL_JOB_NAMES } from '#queue';

export type JobOutcome = 'completed' | 'failed' | 'dropped' | 'delayed';

/** Seconds. A job of a stage's deadline waits in Redis for its instant; one that starts seconds late shows here. */
const START_DELAY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * This worker process's metrics: Node's own, its jobs, its outbox relay and its reconciler. A job's name
 * is the label `job_name`: `job` is Prometheus's own label of the scrape target (alur-worker).
 */
@Injectable()
export class WorkerMetrics {
  readonly registry = processRegistry();
  private readonly jobs = new Counter({
    name: 'alur_jobs_total',
    help: 'Job attempts this worker ran, by job name and outcome (failed: the attempt failed and the job is retried, or lands among the failed after its last; dropped: no such job, a malformed payload or nothing to do; delayed: came early and waits for its time)',
    labelNames: ['job_name', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'alur_job_duration_seconds',
    help: 'How long a job ran, by job name',
    labelNames: ['job_name'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });
  private readonly startDelays = new Histogram({
    name: 'alur_job_start_delay_seconds',
    help: 'How long after its time a job began its first attempt, by job name (a reminder due at 09:00:00 that began at 09:00:02 counts 2 s)',
    labelNames: ['job_name'] as const,
    buckets: START_DELAY_BUCKETS,
    registers: [this.registry],
  });
  private readonly relayed = new Counter({
    name: 'alur_outbox_relayed_total',
    help: 'Outbox rows this worker relayed, by message type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  private readonly reconcilerPasses = new Counter({
    name: 'alur_reconciler_passes_total',
    help: "Reconciler passes this worker finished (each compares PostgreSQL's pending deadlines with the jobs in Redis)",
    registers: [this.registry],
  });
  private readonly reconcilerJobs = new Counter({
    name: 'alur_reconciler_jobs_added_total',
    help: 'Jobs a reconciler pass queued because Redis did not hold them yet: deadline events coming within the horizon, target-date reminders, unsent e-mails, digests',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  /** Called as a job starts; the returned function when it ends. */
  jobStarted(job: Pick<Job, 'name' | 'timestamp' | 'opts' | 'attemptsStarted'>, now = Date.now()): (outcome: JobOutcome) => void {
    // a job under a name alur does not know (put in Redis by someone else) makes no series of its own
    const name = (ALL_JOB_NAMES as readonly string[]).includes(job.name) ? job.name : '(unknown)';
    const delay = jobStartDelaySeconds(job, now);
    if (delay !== null) this.startDelays.observe({ job_name: name }, delay);
    const started = process.hrtime.bigint();
    return (outcome) => {
      this.jobs.inc({ job_name: name, outcome });
      this.durations.observe({ job_name: name }, Number(process.hrtime.bigint() - started) / 1e9);
    };
  }

  outboxRelayed(types: readonly string[]): void {
    for (const type of types) this.relayed.inc({ type });
  }

  reconciled(added: { deadline: number; targetDate: number; email: number; digest: number }): void {
    this.reconcilerPasses.inc();
    for (const [kind, count] of Object.entries(added)) this.reconcilerJobs.inc({ kind }, count);
  }
}

/**
 * Seconds from a job's time (made at `timestamp`, `opts.delay` later) to `now`, at its first attempt
 * only (a retry starts late on purpose); null for a later attempt, or when it came early (it goes back
 * to wait, and is then no first attempt).
 */
export function jobStartDelaySeconds(job: Pick<Job, 'timestamp' | 'opts' | 'attemptsStarted'>, now: number): number | null {
  if (job.attemptsStarted > 1) return null;
  const late = now - (job.timestamp + (job.opts.delay ?? 0));
  return late < 0 ? null : late / 1000;
}
