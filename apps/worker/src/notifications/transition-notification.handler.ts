import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findTransitionNotificationContext } from '#persistence';
import { JobName, outboxMessageOf, OutboxMessageType, sameTransitionNotification, transitionNotificationOf, type TransitionNotificationPayload } from '#queue';
import { OnJob } from '../jobs/on-job.decorator.js';
import { NotificationWriter } from './notification.writer.js';
import { TransitionNotifier } from './transition-notifier.js';

/**
 * A transition-notification job: what the outbox relay queues for a NOTIFY row it could not turn into
 * notifications itself (it normally does, per batch; see OutboxRelay), and what a job made by hand
 * claims. The job only names the outbox row: a job whose row does not exist, is not a NOTIFY, or says
 * something else than the job is dropped and logged, and what is written comes from the row.
 */
@Injectable()
export class TransitionNotificationHandler {
  private readonly logger = new Logger(TransitionNotificationHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: TransitionNotifier,
    private readonly writer: NotificationWriter,
  ) {}

  @OnJob(JobName.TransitionNotification)
  async handle(job: TransitionNotificationPayload): Promise<string> {
    // One round trip reads the outbox row and, from the row (never from the job), all the text needs;
    // no transaction: the notifications are one INSERT, and each read stands on its own.
    const manager = this.dataSource.manager;
    const context = await findTransitionNotificationContext(manager, job.outboxId);
    const message = context.row ? outboxMessageOf(context.row) : null;
    const data = message?.type === OutboxMessageType.Notify ? transitionNotificationOf(message) : null;
    if (!data || !sameTransitionNotification(data, job)) {
      this.logger.warn(`Dropped transition-notification job for outbox row ${job.outboxId}: it does not match the outbox`);
      return 'dropped: does not match the outbox';
    }
    if (!context.document) return 'document gone';
    const dedupKeys = await this.notifier.write(manager, [{ data, context }], new Date());
    await this.writer.requestEmails(dedupKeys);
    return `sent to ${dedupKeys.length}`;
  }
}
