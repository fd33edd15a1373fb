import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { JobName } from '#queue';
import { insertNotifications, notificationsAwaitingEmail, type NotificationDraft } from '#persistence';
import { WorkerJobProducer } from '../jobs/job-producer.provider.js';

export type { NotificationDraft };

/** Stores notifications once per deduplication key and hands them to e-mail delivery. */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: WorkerJobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get emailEnabled(): boolean {
    return this.config.smtp.url !== null;
  }

  /** Inserts the drafts whose key is new; returns how many were. */
  async insert(manager: EntityManager, drafts: readonly NotificationDraft[]): Promise<number> {
    return insertNotifications(manager, drafts);
  }

  /**
   * After the notifications committed: queues an e-mail for each one not yet e-mailed (also those a
   * previous attempt stored), when SMTP is configured. Job ids are the notification ids.
   */
  async requestEmails(dedupKeys: readonly string[]): Promise<void> {
    if (!this.emailEnabled || dedupKeys.length === 0) return;
    const ids = await notificationsAwaitingEmail(this.dataSource.manager, dedupKeys);
    await this.producer.add(ids.map((id) => ({ item: { name: JobName.EmailDelivery, data: { notificationId: id } } })));
  }
}
