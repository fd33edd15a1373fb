import { Inject, Injectable, Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#config';
import { AppException, forbidden } from '../common/errors/app.exception.js';
import { HttpExceptionFilter, logFailure, sendError } from '../common/errors/http-exception.filter.js';
import { ADMIN_PATH, AdminCredentials } from './admin-credentials.js';
import { ApiQueues } from './api-queues.js';
import { dashboardAccess } from './queue-dashboard-access.js';

type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

export const QUEUE_DASHBOARD_PATH = `${ADMIN_PATH}/queues`;

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, every queue of `QueueName`, for the
 * deployment's OPERATORs only: read-only unless QUEUE_DASHBOARD_ACTIONS is on, and never a way to
 * add or edit a job (queue-dashboard-access.ts). A write carried by the session cookie must come
 * from this origin with its CSRF token (bull-board's axios sends the XSRF-TOKEN cookie back itself).
 * Plain Express middleware (the Nest add-on is CommonJS and does not load under Jest ESM), so the app's guard and exception filter do not run here: this class authenticates each
 * request itself and answers refusals in the api.md error shape. Queues and their Redis connections
 * are made on the first admitted request, not at start (ApiQueues).
 */
@Injectable()
export class QueueDashboard {
  private readonly logger = new Logger(QueueDashboard.name);
  private readonly errors = new HttpExceptionFilter();
  private router: RequestHandler | null = null;

  constructor(
    private readonly credentials: AdminCredentials,
    private readonly queues: ApiQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Mounts the dashboard on the app's Express instance (before Nest's routes and 404 handler). */
  mount(app: NestExpressApplication): void {
    app.use(QUEUE_DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
      this.admit(req)
        .then(() => this.board()(req, res, next))
        .catch((error: unknown) => this.refuse(res, error));
    });
  }

  private async admit(req: Request): Promise<void> {
    // a write carried by the session cookie has passed the Origin and CSRF token check in there
    await this.credentials.operatorOf(req);
    const access = dashboardAccess(req.method, req.path, this.config.queueDashboardActions);
    if (!access.allowed) throw forbidden(access.reason);
  }

  private refuse(res: Response, error: unknown): void {
    if (!(error instanceof AppException)) logFailure(res, error, this.logger);
    sendError(res, this.errors.toBody(error));
  }

  private board(): RequestHandler {
    if (!this.router) {
      const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
      createBullBoard({
        queues: this.queues.all().map((queue) => new BullMQAdapter(queue, { readOnlyMode: !this.config.queueDashboardActions })),
        // @bull-board/express 9.10.1 brings its own @bull-board/api 9.10.1: same shape, distinct types
        serverAdapter: serverAdapter as unknown as BoardServerAdapter,
        options: { uiConfig: { boardTitle: 'alur: antrean' } },
      });
      this.router = serverAdapter.getRouter() as RequestHandler;
    }
    return this.router;
  }
}

/** configure-app.ts calls this: the dashboard needs the Express instance, which only the app has. */
export function mountQueueDashboard(app: INestApplication): void {
  app.get(QueueDashboard).mount(app as NestExpressApplication);
}
