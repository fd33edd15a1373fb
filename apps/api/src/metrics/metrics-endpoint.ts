import cluster from 'node:cluster';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#config';
import { answerScrape, METRICS_PATH, type MetricsSource } from '#metrics';
import { ApiMetrics } from './api-metrics.js';
import { clusterMetricsReader } from './cluster-metrics.js';
import { SystemMetrics } from './system-metrics.js';

/**
 * `GET /metrics` for Prometheus, with METRICS_TOKEN as the bearer token (unset: the path is unknown,
 * 404): this process's metrics (all the API's processes summed when there are several) and the
 * deployment's (SystemMetrics). Plain Express middleware like the queue dashboard: no session, guard
 * or OpenAPI operation; a scraper is no person.
 */
@Injectable()
export class MetricsEndpoint {
  private readonly logger = new Logger(MetricsEndpoint.name);
  private readonly source: MetricsSource;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    api: ApiMetrics,
    system: SystemMetrics,
  ) {
    const processes = cluster.isWorker ? clusterMetricsReader(api.registry) : () => api.registry.metrics();
    this.source = {
      contentType: api.registry.contentType,
      read: async () => {
        const [own, deployment] = await Promise.all([processes(), system.read()]);
        return `${own}\n${deployment}`;
      },
    };
  }

  mount(app: NestExpressApplication): void {
    app.use(METRICS_PATH, (req: Request, res: Response, next: NextFunction) => {
      // only the path itself: /metrics/anything is as unknown as any other path
      if (req.path !== '/' || !answerScrape(req, res, this.config.metrics.token, this.source, (error) => this.logger.error(error))) next();
    });
  }
}

/**
 * configure-app.ts calls this first, so every answer is counted, also those refused before Nest; only
 * when the metrics are served (METRICS_TOKEN): requests nobody will read about cost nothing.
 */
export function countRequests(app: INestApplication): void {
  if (app.get<AppConfig>(APP_CONFIG).metrics.token === null) return;
  (app as NestExpressApplication).use(app.get(ApiMetrics).middleware());
}

/** configure-app.ts calls this after the request log, so scrapes and refused scrapes are logged as any request. */
export function mountMetricsEndpoint(app: INestApplication): void {
  app.get(MetricsEndpoint).mount(app as NestExpressApplication);
}
