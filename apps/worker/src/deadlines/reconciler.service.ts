import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { pendingDeadlinesPage, targetDatesPage, unsentEmailsPage } from '#persistence';
import { jobIdOf, JobName, type JobToAdd } from '#queue';
import { DigestSchedule } from '../digest/digest-schedule.js';
import { WorkerHeartbeat } from '../health/worker-heartbeat.service.js';
import { WorkerJobProducer } from '../jobs/job-producer.provider.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { nextUnfiredEvent } from './deadline-events.util.js';
import { deadlineEventJob, jobHorizonMs } from './deadline-jobs.util.js';
import { targetRemindersToSchedule } from './target-date.util.js';
import { PeriodicPass } from '../maintenance/periodic-pass.js';

/** Rows read per query: memory stays flat however many deadlines are pending. */
export const RECONCILE_PAGE = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Notifications not e-mailed after this long are queued again (the enqueue after commit was lost). */
const EMAIL_SWEEP_AFTER_MS = 30_000;

export interface ReconcileReport {
  deadlinesChecked: number;
  deadlineJobsAdded: number;
  targetDatesChecked: number;
  targetReminderJobsAdded: number;
  emailJobsAdded: number;
  digestJobsAdded: number;
  startedAt: Date;
  finishedAt: Date;
}

/**
 * PostgreSQL is the truth, Redis only carries jobs. At start and every RECONCILE_INTERVAL_MS, this
 * pages through every PENDING deadline whose first event is within the horizon, works out its next
 * event not yet fired, and makes sure Redis has that job: a missing one (Redis restarted without
 * persistence, keys deleted, an enqueue lost) is added again, with delay 0 when it is already due;
 * one that failed for good is replaced. It is also how an event further off than the horizon when its stage
 * was entered (most reminders: stages last days) gets its job, from the first pass that finds it within
 * (`jobHorizonMs`). The same for regulations' targetDate reminders and for
 * e-mails not sent, and for each government's weekly digest. Several workers may do this at once: job ids are deterministic and every
 * notification has a deduplication key, so each is stored and sent once.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Reconciler.name);
  // a pass over many deadlines may outlast the interval
  private readonly passes = new PeriodicPass(
    () => this.reconcile(),
    (error) => this.logger.warn(`Reconciliation stopped early, next pass retries: ${error.message}`),
  );
  lastReport: ReconcileReport | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: WorkerJobProducer,
    private readonly digests: DigestSchedule,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly metrics: WorkerMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(this.config.reconcileIntervalMs, { atStart: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }

  /** One full pass. */
  async reconcile(now: Date = new Date()): Promise<ReconcileReport> {
    const horizon = new Date(now.getTime() + jobHorizonMs(this.config.reconcileIntervalMs));
    const report: ReconcileReport = {
      deadlinesChecked: 0,
      deadlineJobsAdded: 0,
      targetDatesChecked: 0,
      targetReminderJobsAdded: 0,
      emailJobsAdded: 0,
      digestJobsAdded: 0,
      startedAt: now,
      finishedAt: now,
    };
    await this.reconcileDeadlines(horizon, report);
    await this.reconcileTargetDates(now, horizon, report);
    await this.sweepEmails(now, report);
    if (this.config.weeklyDigest) report.digestJobsAdded = await this.ensure(JobName.WeeklyDigest, await this.digests.wanted(now));
    report.finishedAt = new Date();
    this.lastReport = report;
    this.heartbeat.reconciled(report.finishedAt.getTime());
    this.metrics.reconciled({
      deadline: report.deadlineJobsAdded,
      targetDate: report.targetReminderJobsAdded,
      email: report.emailJobsAdded,
      digest: report.digestJobsAdded,
    });
    if (report.deadlineJobsAdded + report.targetReminderJobsAdded + report.emailJobsAdded > 0) {
      this.logger.log(
        `Reconciled: ${report.deadlineJobsAdded} deadline, ${report.targetReminderJobsAdded} target-date and ${report.emailJobsAdded} e-mail jobs re-created`,
      );
    }
    return report;
  }

  private async reconcileDeadlines(horizon: Date, report: ReconcileReport): Promise<void> {
    let cursor = { at: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
    while (!this.passes.stopping) {
      const rows = await pendingDeadlinesPage(this.dataSource.manager, horizon, cursor, RECONCILE_PAGE);
      if (rows.length === 0) break;
      const last = rows[rows.length - 1];
      cursor = { at: last.cursorAt, id: last.id };
      report.deadlinesChecked += rows.length;
      const wanted: JobToAdd[] = [];
      for (const deadline of rows) {
        const next = nextUnfiredEvent(deadline, deadline.fired);
        if (next && next.at.getTime() <= horizon.getTime()) wanted.push(deadlineEventJob(deadline, next));
      }
      report.deadlineJobsAdded += await this.ensure(JobName.DeadlineEvent, wanted);
      if (rows.length < RECONCILE_PAGE) break;
    }
  }

  private async reconcileTargetDates(now: Date, horizon: Date, report: ReconcileReport): Promise<void> {
    const from = new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10);
    const to = new Date(horizon.getTime() + 32 * DAY_MS).toISOString().slice(0, 10);
    let cursor = { date: '', id: '00000000-0000-0000-0000-000000000000' };
    while (!this.passes.stopping) {
      const rows = await targetDatesPage(this.dataSource.manager, { from, to }, cursor, RECONCILE_PAGE);
      if (rows.length === 0) break;
      const last = rows[rows.length - 1];
      cursor = { date: last.targetDate, id: last.id };
      report.targetDatesChecked += rows.length;
      const wanted: JobToAdd[] = [];
      for (const row of rows) {
        let reminders;
        try {
          reminders = targetRemindersToSchedule({ ...row, fired: new Set(row.fired ?? []) }, now, horizon);
        } catch {
          continue; // not a date: nothing to remind of
        }
        for (const r of reminders) {
          wanted.push({
            item: { name: JobName.TargetDateReminder, data: { documentId: row.id, targetDate: row.targetDate, daysBefore: r.daysBefore } },
            at: r.at,
          });
        }
      }
      report.targetReminderJobsAdded += await this.ensure(JobName.TargetDateReminder, wanted);
      if (rows.length < RECONCILE_PAGE) break;
    }
  }

  private async sweepEmails(now: Date, report: ReconcileReport): Promise<void> {
    if (!this.config.smtp.url) return;
    let cursor = '00000000-0000-0000-0000-000000000000';
    while (!this.passes.stopping) {
      const ids = await unsentEmailsPage(
        this.dataSource.manager,
        { createdAfter: new Date(now.getTime() - DAY_MS), createdBefore: new Date(now.getTime() - EMAIL_SWEEP_AFTER_MS) },
        cursor,
        RECONCILE_PAGE,
      );
      if (ids.length === 0) break;
      cursor = ids[ids.length - 1];
      report.emailJobsAdded += await this.ensure(
        JobName.EmailDelivery,
        ids.map((id) => ({ item: { name: JobName.EmailDelivery, data: { notificationId: id } } })),
      );
      if (ids.length < RECONCILE_PAGE) break;
    }
  }

  /** Adds the jobs Redis does not have; replaces those that failed for good (or linger finished). */
  private async ensure(name: JobName, wanted: readonly JobToAdd[]): Promise<number> {
    if (wanted.length === 0) return 0;
    const ids = wanted.map((w) => jobIdOf(w.item));
    const states = await this.producer.states(name, ids);
    const stale = ids.filter((_, i) => states[i] === 'failed' || states[i] === 'completed');
    if (stale.length > 0) await this.producer.remove(name, stale);
    const missing = wanted.filter((_, i) => states[i] === 'unknown' || states[i] === 'failed' || states[i] === 'completed');
    await this.producer.add(missing);
    return missing.length;
  }
}
