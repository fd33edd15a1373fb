import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { forgetWorkerHeartbeat, recordWorkerHeartbeat } from '#persistence';
import { WORKER_HEARTBEAT_EVERY_MS } from '#queue';

/**
 * This process says it is alive (`GET /health/worker`), after rounds of the outbox relay that went through,
 * at most every WORKER_HEARTBEAT_EVERY_MS: a worker that hangs, or whose relay keeps failing, falls silent.
 * Each heartbeat also says when the reconciler last finished a pass. With WORKER_HEARTBEAT_FILE it also
 * writes that file, whose age a container's health check reads.
 */
@Injectable()
export class WorkerHeartbeat implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  readonly workerId = `${hostname()}:${process.pid}`;
  private readonly startedAt = new Date();
  private lastBeatAt = Number.NEGATIVE_INFINITY;
  private reconciledAt: number | null = null;
  private failing = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The reconciler finished a pass (said with the next heartbeat). */
  reconciled(at = Date.now()): void {
    this.reconciledAt = at;
  }

  async beat(now = Date.now()): Promise<void> {
    if (this.stopped || now - this.lastBeatAt < WORKER_HEARTBEAT_EVERY_MS) return;
    this.lastBeatAt = now;
    try {
      await recordWorkerHeartbeat(this.dataSource.manager, {
        workerId: this.workerId,
        startedAt: this.startedAt,
        reconciledMsAgo: this.reconciledAt === null ? null : Math.max(0, now - this.reconciledAt),
        reconcileIntervalMs: this.config.reconcileIntervalMs,
      });
      if (this.config.workerHeartbeatFile) await writeFile(this.config.workerHeartbeatFile, `${new Date(now).toISOString()}\n`);
      if (this.failing) this.logger.log('Heartbeat recorded again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Heartbeat not recorded: ${(error as Error).message}`);
      this.failing = true;
      this.lastBeatAt = Number.NEGATIVE_INFINITY; // next round tries again
    }
  }

  /** A worker stopped on purpose is no longer counted (before the database connection closes). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await forgetWorkerHeartbeat(this.dataSource.manager, this.workerId).catch(() => undefined);
  }
}
