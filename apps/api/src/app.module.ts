import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AppConfigModule } from '#config';
import { DatabaseModule } from '#persistence';
import { RedisModule } from '#queue';
import { AdminModule } from './admin/admin.module.js';
import { AdministrationModule } from './administration/administration.module.js';
import { AuthModule } from './auth/auth.module.js';
import { HttpExceptionFilter } from './common/errors/http-exception.filter.js';
import { PathParameterPipe } from './common/validation/path-parameter.pipe.js';
import { DelegationsModule } from './delegations/delegations.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { GovernmentsModule } from './governments/governments.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { HolidaysModule } from './holidays/holidays.module.js';
import { PeopleModule } from './people/people.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OfficeHoursModule } from './office-hours/office-hours.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SlaModule } from './sla/sla.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { WorkflowsModule } from './workflows/workflows.module.js';

@Module({})
export class AppModule {
  /** `env` overlays process.env; e2e tests use it to point the app at their own database. */
  static forRoot(env: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(env),
        DatabaseModule.forRoot({ applicationName: 'alur-api', seed: true }),
        RedisModule,
        AuthModule,
        HealthModule,
        WorkflowsModule,
        DocumentsModule,
        TasksModule,
        NotificationsModule,
        SlaModule,
        HolidaysModule,
        OfficeHoursModule,
        AdminModule,
        MetricsModule,
        DelegationsModule,
        ReportsModule,
        GovernmentsModule,
        PeopleModule,
        AdministrationModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useClass: PathParameterPipe },
      ],
    };
  }
}
