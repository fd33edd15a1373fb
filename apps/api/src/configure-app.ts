import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '#config';
import { createRootLogger, httpLoggerMiddleware, PinoLoggerService } from '#logging';
import { mountQueueDashboard } from './admin/queue-dashboard.js';
import { countRequests, mountMetricsEndpoint } from './metrics/metrics-endpoint.js';
import { refuseSignInsWhileGateFull } from './auth/login-gate.middleware.js';
import { PasswordHashGate } from './auth/password-hash-gate.js';
import { mountWebApp } from './web/web-app.js';
import { buildOpenApiDocument } from './common/contract/openapi-document.js';
import { applySecurityHeaders } from './common/http/security-headers.js';
import { keepIdleConnectionsOpen } from './common/http/keep-alive.js';

/** What main.ts and the e2e app builder both apply, so tests run the app as production does. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const config = app.get<AppConfig>(APP_CONFIG);
  const root = createRootLogger(config.logLevel, 'alur-api');
  express.useLogger(new PinoLoggerService(root));
  countRequests(app); // first: every answer is counted (alur_http_requests_total), when METRICS_TOKEN is set
  // first: a sign-in the busy password-check gate cannot take is refused before it is logged or its body read
  express.use(refuseSignInsWhileGateFull(app.get(PasswordHashGate), root, config.corsOrigins));
  express.use(httpLoggerMiddleware(root));
  mountMetricsEndpoint(app); // /metrics for Prometheus, when METRICS_TOKEN is set
  express.set('trust proxy', config.trustProxy);
  express.set('etag', false); // documents send their own ETag (the version); no other answer has one
  express.disable('x-powered-by');
  applySecurityHeaders(app, config.corsOrigins);
  // a GET's or HEAD's body means nothing here: it is not read, so it cannot be refused (400, 413, 415)
  express.useBodyParser('json', { limit: '1mb', strict: true, type: (req) => req.method !== 'GET' && req.method !== 'HEAD' && Boolean((req as Request).is('application/json')) });
  mountQueueDashboard(app); // /admin/queues, OPERATOR only: plain Express middleware, see QueueDashboard
  mountWebApp(app); // the pages at /, and index.html for any other page path (apps/web)
  app.enableShutdownHooks();
  keepIdleConnectionsOpen(express.getHttpServer());

  SwaggerModule.setup('docs', app, buildOpenApiDocument(app) as never, { jsonDocumentUrl: 'docs-json' });
}
