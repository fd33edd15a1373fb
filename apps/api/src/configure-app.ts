import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '#config';
import { createRootLogger, httpLoggerMiddleware, PinoLoggerService } from '#logging';
import { mountQueueDashboard } from './admin/queue-dashboard.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import { mountWebApp } from './web/web-app.js';

/** What main.ts and the e2e app builder both apply, so tests run the app as production does. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const root = createRootLogger(app.get<AppConfig>(APP_CONFIG).logLevel, 'alur-api');
  express.useLogger(new PinoLoggerService(root));
  express.use(httpLoggerMiddleware(root));
  express.set('trust proxy', 'loopback');
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: '1mb', strict: true });
  mountQueueDashboard(app); // /admin/queues, OPERATOR only: plain Express middleware, see QueueDashboard
  mountWebApp(app); // the pages at /, and index.html for any other page path (apps/web)
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('alur')
      .setDescription('Workflow and approval engine for Quick Wins and work-system regulations of Indonesian regional governments')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
