import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { deadlineEventJobId, JobName, transitionNotificationOf, type JobToAdd } from '#queue';
import { WorkerJobProducer } from '../jobs/job-producer.provider.js';
import { nextUnfiredEvent } from '../deadlines/deadline-events.util.js';
import { deadlineEventJob, deadlineJobIds } from '../deadlines/deadline-jobs.util.js';
import { DeadlineRepository } from '../deadlines/deadline.repository.js';

/** Rows per transaction. */
export const RELAY_BATCH = 200;
/** Polling period; a NOTIFY from the outbox trigger wakes the relay sooner. */
export const RELAY_POLL_MS = 250;
const MAX_BACKOFF_MS = 5000;
export const OUTBOX_CHANNEL = 'alur_outbox';

interface OutboxRow {
  id: string;
  documentId: string;
  type: string;
  payload: Record<string, unknown>;
}

export interface RelayPlan {
  add: JobToAdd[];
  remove: string[];
}

const DEADLINE_ROWS = new Set(['STAGE_ENTERED', 'STAGE_LEFT', 'DEADLINE_RESCHEDULED']);

/**
 * The transactional outbox relay. In one transaction it locks a batch of unprocessed rows (SKIP
 * LOCKED, so several workers share the work), turns them into Redis operations, and marks them
 * processed only after Redis accepted all of them: when Redis is down the transaction rolls back and
 * the rows are relayed later. A crash after Redis accepted and before the commit relays the rows
 * again; deterministic job ids and deduplication keys make that harmless.
 *
 * - STAGE_ENTERED: the deadline's next event (its REMINDER, or OVERDUE) as a delayed job;
 * - STAGE_LEFT: removes the deadline's jobs (a job that runs anyway finds the deadline closed);
 * - DEADLINE_RESCHEDULED (a holiday changed): removes the job of the previous generation and adds
 *   the next event at its new time;
 * - NOTIFY: a transition-notification job.
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
    return this.dataSource.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id::text AS id, document_id AS "documentId", type, payload FROM outbox
          WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [RELAY_BATCH],
      );
      if (rows.length === 0) return 0;
      const plan = await this.plan(tx, rows, Date.now());
      await this.producer.remove(JobName.DeadlineEvent, plan.remove);
      await this.producer.add(plan.add);
      await tx.query(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async plan(tx: EntityManager, rows: readonly OutboxRow[], nowMs: number): Promise<RelayPlan> {
    const ids = [...new Set(rows.filter((r) => DEADLINE_ROWS.has(r.type)).map((r) => r.payload.deadlineId).filter((id): id is string => typeof id === 'string'))];
    const deadlines = await this.deadlines.findMany(tx, ids);
    const plan: RelayPlan = { add: [], remove: [] };
    for (const row of rows) {
      const deadline = typeof row.payload.deadlineId === 'string' ? deadlines.get(row.payload.deadlineId) : undefined;
      switch (row.type) {
        case 'STAGE_ENTERED':
        case 'DEADLINE_RESCHEDULED': {
          if (!deadline) break;
          const next = nextUnfiredEvent(deadline, deadline.fired);
          if (row.type === 'DEADLINE_RESCHEDULED' && next) {
            // The job waiting for that event was made under an earlier generation: the one before the
            // recomputation this row reports (payload.generation, when given) and the one before now.
            const reported = typeof row.payload.generation === 'number' ? row.payload.generation - 1 : null;
            const previous = new Set([reported, deadline.generation - 1, deadline.generation - 2].filter((g): g is number => g !== null && g >= 1 && g < deadline.generation));
            for (const generation of previous) {
              plan.remove.push(deadlineEventJobId({ deadlineId: deadline.id, generation, event: next.event, sequence: next.sequence }));
            }
          }
          if (deadline.status === 'PENDING' && next) plan.add.push(deadlineEventJob(deadline, next, nowMs));
          break;
        }
        case 'STAGE_LEFT':
          if (deadline) plan.remove.push(...deadlineJobIds(deadline.id, deadline.generation, deadline.escalationTimes.length));
          break;
        case 'NOTIFY':
          plan.add.push({ item: { name: JobName.TransitionNotification, data: transitionNotificationOf(row) } });
          break;
        default:
          this.logger.warn(`Outbox row ${row.id} has unknown type ${row.type}; marked processed`);
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
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
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
