import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { AppConfigModule } from '#config';
import { DatabaseModule, DeadlineRepository, DigestRepository, ReportsRepository } from '#persistence';
import { bullRootOptions } from '#queue';
import { DeadlineEventHandler } from './deadlines/deadline-event.handler.js';
import { Reconciler } from './deadlines/reconciler.service.js';
import { TargetDateReminderHandler } from './deadlines/target-date-reminder.handler.js';
import { WorkerJobProducer } from './jobs/job-producer.provider.js';
import { JobRunner } from './jobs/job-runner.service.js';
import { DelegationNotificationHandler } from './notifications/delegation-notification.handler.js';
import { DocumentContextLoader } from './notifications/document-context.js';
import { PasswordResetEmailHandler } from './notifications/password-reset-email.handler.js';
import { EmailDeliveryHandler } from './notifications/email-delivery.handler.js';
import { Mailer } from './notifications/mailer.service.js';
import { NotificationWriter } from './notifications/notification.writer.js';
import { RecipientsResolver } from './notifications/recipients.resolver.js';
import { TransitionNotificationHandler } from './notifications/transition-notification.handler.js';
import { TransitionNotifier } from './notifications/transition-notifier.js';
import { OutboxRelay } from './outbox/outbox-relay.service.js';
import { WorkerHeartbeat } from './health/worker-heartbeat.service.js';
import { MetricsServer } from './metrics/metrics-server.js';
import { WorkerMetrics } from './metrics/worker-metrics.js';
import { workflowRegistryProvider } from './workflow-registry.provider.js';
import { DocumentCountsCompactor } from './maintenance/document-counts.compactor.js';
import { OfferedRolesFiller } from './maintenance/offered-roles.filler.js';
import { DigestSchedule } from './digest/digest-schedule.js';
import { WeeklyDigestHandler } from './digest/weekly-digest.handler.js';

/**
 * The worker: the outbox relay, the job handlers (deadline events, target-date reminders,
 * transition notifications, e-mail, the weekly digest) run by BullMQ workers, the reconciler, the upkeep of
 * derived rows (the counts' fold, the offered roles of deadlines pending before they were kept), and its metrics.
 */
@Module({})
export class WorkerModule {
  /** `env` overlays process.env (tests run a worker in-process against their own database). */
  static forRoot(env: Record<string, string> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(env),
        DatabaseModule.forRoot({ applicationName: 'alur-worker', seed: false }),
        BullModule.forRootAsync(bullRootOptions('worker')),
        DiscoveryModule,
      ],
      providers: [
        workflowRegistryProvider,
        WorkerMetrics,
        MetricsServer,
        WorkerJobProducer,
        JobRunner,
        OutboxRelay,
        WorkerHeartbeat,
        Reconciler,
        DeadlineRepository,
        DocumentContextLoader,
        RecipientsResolver,
        NotificationWriter,
        Mailer,
        DeadlineEventHandler,
        TargetDateReminderHandler,
        TransitionNotifier,
        TransitionNotificationHandler,
        DelegationNotificationHandler,
        PasswordResetEmailHandler,
        EmailDeliveryHandler,
        DocumentCountsCompactor,
        OfferedRolesFiller,
        DigestRepository,
        ReportsRepository,
        DigestSchedule,
        WeeklyDigestHandler,
      ],
    };
  }
}
