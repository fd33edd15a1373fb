import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { DeadlineRepository, findTransitionNotificationContexts, inSavepoint, listenForOutbox, lockPendingOutboxRows, markOutboxRowsProcessed, useGenericPlans, type PendingOutboxRow } from '#persistence';
import { deadlineEventJobId, delegationNotificationOf, JobName, OutboxMessageType, transitionNotificationOf, type JobToAdd, type StoredOutboxMessage } from '#queue';
import { WorkerJobProducer } from '../jobs/job-producer.provider.js';
import { nextUnfiredEvent } from '../deadlines/deadline-events.util.js';
import { NotificationWriter } from '../notifications/notification.writer.js';
import { TransitionNotifier } from '../notifications/transition-notifier.js';
import { deadlineEventJob, mayBeQueued, queuedNow } from '../deadlines/deadline-jobs.util.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { WorkerHeartbeat } from '../health/worker-heartbeat.service.js';

/** Rows per transaction. */
export const RELAY_BATCH = 200;
/** Polling period; a NOTIFY from the outbox trigger wakes the relay sooner. */
export const RELAY_POLL_MS = 250;
const MAX_BACKOFF_MS = 5000;

export interface RelayPlan {
  add: JobToAdd[];
  remove: string[];
}

/**
 * The transactional outbox relay. In one transaction it locks a batch of unprocessed rows (SKIP
 * LOCKED, so several workers share the work), turns them into Redis operations, and marks them
 * processed only after Redis accepted all of them: when Redis is down the transaction rolls back and
 * the rows are relayed later. A crash after Redis accepted and before the commit relays the rows
 * again; deterministic job ids and deduplication keys make that harmless.
 *
 * - STAGE_ENTERED: the deadline's next event (its REMINDER, or OVERDUE) as a delayed job;
 * - STAGE_LEFT: removes the job of the deadline's next unfired event (a job that runs anyway finds the deadline closed);
 * - DEADLINE_RESCHEDULED (a holiday changed): removes the job of the previous generation and adds
 *   the next event at its new time;
 * - NOTIFY: the notifications themselves, for the whole batch in the same transaction (a
 *   transition-notification job per row instead when that fails);
 * - DELEGATION_CHANGED: a delegation-notification job;
 * - PASSWORD_RESET_REQUESTED: a password-reset-email job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private failures = 0;
  private listener: pg.Client | null = null;
  private readonly endedClients = new WeakSet<pg.Client>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly producer: WorkerJobProducer,
    private readonly notifier: TransitionNotifier,
    private readonly writer: NotificationWriter,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly metrics: WorkerMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    if (this.listener) this.endClient(this.listener);
  }

  /** Relays one batch; returns how many rows. Throws, leaving the rows unprocessed, when Redis refuses. */
  async relayOnce(): Promise<number> {
    let emails: string[] = [];
    let types: string[] = [];
    const relayed = await this.dataSource.transaction(async (tx) => {
      const rows = await lockPendingOutboxRows(tx, RELAY_BATCH);
      if (rows.length === 0) return 0;
      types = rows.map((r) => (r.message ? r.type : '(unknown)'));
      await useGenericPlans(tx);
      const messages = this.messagesOf(rows);
      const now = new Date();
      const notified = await this.notify(tx, messages, now);
      const plan = await this.plan(tx, messages, notified !== null, now);
      // together: removals and additions never name the same job (an addition's id has the deadline's current generation)
      await Promise.all([this.producer.remove(JobName.DeadlineEvent, plan.remove), this.producer.add(plan.add)]);
      await markOutboxRowsProcessed(tx, rows.map((r) => r.id));
      emails = notified ?? [];
      return rows.length;
    });
    this.metrics.outboxRelayed(types);
    if (emails.length > 0) {
      // after the commit, as the job did; a failure here is caught up by the reconciler's unsent e-mails
      await this.writer.requestEmails(emails).catch((error: Error) => this.logger.warn(`E-mails of relayed notifications not queued yet: ${error.message}`));
    }
    return relayed;
  }

  /**
   * The batch's NOTIFY rows as notifications, in the relay's transaction: one query reads every row's
   * document, stage deadline and actor, one resolves every recipient, one INSERT writes them all.
   * Returns their dedup keys; null when that failed (rolled back to a savepoint), and the rows then
   * become transition-notification jobs, retried one by one with backoff.
   */
  private async notify(tx: EntityManager, messages: readonly StoredOutboxMessage[], now: Date): Promise<string[] | null> {
    const notify = messages.filter((m): m is Extract<StoredOutboxMessage, { type: OutboxMessageType.Notify }> => m.type === OutboxMessageType.Notify);
    if (notify.length === 0) return [];
    const outcome = await inSavepoint(tx, async () => {
      const contexts = await findTransitionNotificationContexts(tx, notify.map((m) => m.id));
      const notices = notify.flatMap((m) => {
        const context = contexts.get(m.id);
        return context ? [{ data: transitionNotificationOf(m), context }] : [];
      });
      return this.notifier.write(tx, notices, now);
    });
    if (outcome.ok) return outcome.value;
    this.logger.warn(`Notifications of ${notify.length} outbox rows left to jobs: ${(outcome.error as Error).message}`);
    return null;
  }

  /** The rows' messages; a row the contract does not know is logged and marked processed with the rest. */
  private messagesOf(rows: readonly PendingOutboxRow[]): StoredOutboxMessage[] {
    return rows.flatMap((row) => {
      if (row.message) return [row.message];
      this.logger.warn(`Outbox row ${row.id} of type ${row.type} is no message the relay knows; marked processed`);
      return [];
    });
  }

  private async plan(tx: EntityManager, messages: readonly StoredOutboxMessage[], notified: boolean, now: Date): Promise<RelayPlan> {
    const interval = this.config.reconcileIntervalMs;
    const ids = [
      ...new Set(
        messages.flatMap((m) =>
          (m.type === OutboxMessageType.StageEntered || m.type === OutboxMessageType.StageLeft || m.type === OutboxMessageType.DeadlineRescheduled) && m.payload.deadlineId !== null ? [m.payload.deadlineId] : [],
        ),
      ),
    ];
    const deadlines = await this.deadlines.findMany(tx, ids);
    const plan: RelayPlan = { add: [], remove: [] };
    for (const message of messages) {
      switch (message.type) {
        case OutboxMessageType.StageEntered:
        case OutboxMessageType.DeadlineRescheduled: {
          const deadline = message.payload.deadlineId === null ? undefined : deadlines.get(message.payload.deadlineId);
          if (!deadline) break;
          const next = nextUnfiredEvent(deadline, deadline.fired);
          if (message.type === OutboxMessageType.DeadlineRescheduled && next) {
            // The job waiting for that event was made under an earlier generation: the one before the
            // recomputation this row reports and the one before now.
            const reported = message.payload.generation - 1;
            const previous = new Set([reported, deadline.generation - 1, deadline.generation - 2].filter((g) => g >= 1 && g < deadline.generation));
            for (const generation of previous) {
              plan.remove.push(deadlineEventJobId({ deadlineId: deadline.id, generation, event: next.event, sequence: next.sequence }));
            }
          }
          // one due later waits for the reconciler's pass that finds it within the horizon
          if (deadline.status === 'PENDING' && next && queuedNow(next.at, now, interval)) plan.add.push(deadlineEventJob(deadline, next));
          break;
        }
        case OutboxMessageType.StageLeft: {
          const deadline = message.payload.deadlineId === null ? undefined : deadlines.get(message.payload.deadlineId);
          // Events are chained: only the next unfired one can wait in Redis (fired ones were removed on
          // completion; a later one is queued by its predecessor's handler, which finds the deadline closed).
          const next = deadline ? nextUnfiredEvent(deadline, deadline.fired) : null;
          if (deadline && next && mayBeQueued(next.at, now, interval)) {
            plan.remove.push(deadlineEventJobId({ deadlineId: deadline.id, generation: deadline.generation, event: next.event, sequence: next.sequence }));
          }
          break;
        }
        case OutboxMessageType.Notify:
          if (!notified) plan.add.push({ item: { name: JobName.TransitionNotification, data: transitionNotificationOf(message) } });
          break;
        case OutboxMessageType.DelegationChanged:
          plan.add.push({ item: { name: JobName.DelegationNotification, data: delegationNotificationOf(message) } });
          break;
        case OutboxMessageType.PasswordResetRequested:
          plan.add.push({ item: { name: JobName.PasswordResetEmail, data: { outboxId: message.id, passwordResetId: message.payload.passwordResetId } } });
          break;
      }
    }
    return plan;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
        if (this.failures > 0) this.logger.log(`Outbox relay recovered after ${this.failures} failed attempts`);
        this.failures = 0;
        await this.heartbeat.beat();
      } catch (error) {
        this.failures++;
        if (this.failures === 1 || this.failures % 50 === 0) {
          this.logger.warn(`Outbox relay failed (${this.failures}x), rows kept for the next attempt: ${(error as Error).message}`);
        }
      }
      if (this.stopped) break;
      if (relayed >= RELAY_BATCH) continue;
      await this.sleep(this.failures > 0 ? Math.min(RELAY_POLL_MS * 2 ** this.failures, MAX_BACKOFF_MS) : RELAY_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private endClient(client: pg.Client): void {
    if (this.endedClients.has(client)) return;
    this.endedClients.add(client);
    client.end().catch(() => undefined);
  }

  /** LISTEN for the outbox trigger's NOTIFY (latency); polling covers a lost connection. */
  private async listen(): Promise<void> {
    while (!this.stopped) {
      const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'alur-worker-listen' });
      const closed = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.on('end', () => resolve());
      });
      client.on('notification', () => {
        if (this.failures === 0) this.wake();
      });
      try {
        await client.connect();
        await listenForOutbox(client);
        this.listener = client;
        if (this.stopped) break;
        await closed;
      } catch {
        // polling goes on; try again shortly
      } finally {
        this.listener = null;
        this.endClient(client);
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 2000).unref());
    }
  }
}
