import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { findNotificationMail, markNotificationEmailed } from '#persistence';
import { JobName, type EmailDeliveryPayload } from '#queue';
import { notificationPagePath } from '#workflow';
import { OnJob } from '../jobs/on-job.decorator.js';
import { messageIdFor } from './dedup-keys.js';
import { Mailer } from './mailer.service.js';
import { notificationEmail } from './notification-email.js';

/**
 * Sends one stored notification by e-mail, its Message-ID derived from the deduplication key, then
 * records `emailed_at` so that a retry does not send it again. (A crash between the two re-sends the
 * same Message-ID, which mail clients and servers treat as the same message.) Failures are retried
 * with exponential backoff.
 */
@Injectable()
export class EmailDeliveryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.EmailDelivery)
  async handle({ notificationId }: EmailDeliveryPayload): Promise<string> {
    if (!this.mailer.enabled) return 'e-mail is off';
    const row = await findNotificationMail(this.dataSource.manager, notificationId);
    if (!row) return 'notification gone';
    if (row.emailedAt) return 'sent already';
    if (!row.email) return 'no e-mail address';
    await this.mailer.send({
      to: { name: row.name, address: row.email },
      ...notificationEmail({ ...row, link: `${this.config.publicUrl}${notificationPagePath(row) ?? '/'}` }),
      messageId: messageIdFor(row.dedupKey),
    });
    await markNotificationEmailed(this.dataSource.manager, notificationId);
    return 'sent';
  }
}
