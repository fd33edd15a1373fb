import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { answerScrape, METRICS_PATH, refuse } from '#metrics';
import { WorkerMetrics } from './worker-metrics.js';

/**
 * The worker's `GET /metrics` on WORKER_METRICS_PORT, with METRICS_TOKEN as the bearer token (both
 * needed: without either the worker listens on no port). Any other path is 404.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { token, workerPort } = this.config.metrics;
    if (token === null || workerPort === null) return;
    const source = { contentType: this.metrics.registry.contentType, read: () => this.metrics.registry.metrics() };
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?', 1)[0];
      if (path === METRICS_PATH && answerScrape(req, res, token, source, (error) => this.logger.error(error))) return;
      refuse(res, 404, 'NOT_FOUND', `The worker serves ${METRICS_PATH} only`);
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(workerPort, () => resolve()));
    this.server = server;
    this.logger.log(`Metrics on port ${workerPort}${METRICS_PATH}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections(); // a scraper's kept-alive connection would hold the shutdown
    await closed;
  }
}
