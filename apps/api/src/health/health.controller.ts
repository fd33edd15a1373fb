import { Controller, Get, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Response } from 'express';
import type { WorkerHealth } from '#queue';
import { Public } from '../auth/public.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { HealthSchema, WorkerHealthSchema } from './health.schemas.js';
import { RedisHealthIndicator } from './redis.health.js';
import { WorkerHealthQuery } from './worker-health.query.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly worker: WorkerHealthQuery,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @Endpoint({
    operationId: 'checkHealth',
    summary: 'Readiness of PostgreSQL and Redis: 200 when both answer, else 503',
    public: true,
    success: { status: 200, description: 'Both answer', schema: HealthSchema },
    alsoAnswers: [{ status: 503, description: 'One of them does not answer', schema: HealthSchema }],
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: 1500 }),
        () => this.redis.isHealthy('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return this.withoutDetails(error.getResponse() as HealthCheckResult);
    }
  }

  @Public()
  @Get('worker')
  @Endpoint({
    operationId: 'checkWorkerHealth',
    summary: 'Whether reminders, escalations and notifications flow: a worker alive in the last 30 s, its reconciler passing, and no transition waiting more than 60 s for the relay; 200 when so, else 503',
    public: true,
    success: { status: 200, description: 'A worker is alive and the outbox is relayed', schema: WorkerHealthSchema },
    alsoAnswers: [{ status: 503, description: 'No worker is alive or the outbox is left waiting (see problems)', schema: WorkerHealthSchema }],
  })
  async checkWorker(@Res({ passthrough: true }) res: Response): Promise<WorkerHealth> {
    const health = await this.worker.read();
    if (health.status !== 'ok') res.status(503);
    return health;
  }

  /** /health is public: a server's own error (its address, its port) goes to the log, not to whoever asks. */
  private withoutDetails(result: HealthCheckResult): HealthCheckResult {
    const plain = (entries: Partial<HealthIndicatorResult> | undefined): HealthIndicatorResult =>
      Object.fromEntries(
        Object.entries(entries ?? {}).map(([name, entry]) => [name, entry?.status === 'up' ? { status: entry.status } : { status: entry?.status ?? 'down', message: 'does not answer' }]),
      ) as HealthIndicatorResult;
    for (const [name, entry] of Object.entries(result.error ?? {})) this.logger.warn(`health: ${name} is ${entry?.status}: ${String(entry?.['message'] ?? '')}`);
    return { status: result.status, info: plain(result.info), error: plain(result.error), details: plain(result.details) };
  }
}
