import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, type EmailDeliveryPayload } from '#queue';
import { OnJob } from '../jobs/on-job.decorator.js';
import { messageIdFor } from './dedup-keys.js';
import { Mailer } from './mailer.service.js';
import { notificationEmail } from './notification-email.js';

interface MailRow {
  title: string;
  message: string;
  dedupKey: string;
  emailedAt: Date | null;
  email: string | null;
  name: string;
  governmentName: string;
}

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
  ) {}

  @OnJob(JobName.EmailDelivery)
  async handle({ notificationId }: EmailDeliveryPayload): Promise<string> {
    if (!this.mailer.enabled) return 'e-mail is off';
    const [row]: MailRow[] = await this.dataSource.query(
      `SELECT n.title, n.message, n.dedup_key AS "dedupKey", n.emailed_at AS "emailedAt", u.email, u.name, g.name AS "governmentName"
         FROM notifications n JOIN users u ON u.id = n.user_id JOIN governments g ON g.id = u.government_id
        WHERE n.id = $1`,
      [notificationId],
    );
    if (!row) return 'notification gone';
    if (row.emailedAt) return 'sent already';
    if (!row.email) return 'no e-mail address';
    await this.mailer.send({
      to: { name: row.name, address: row.email },
      ...notificationEmail(row),
      messageId: messageIdFor(row.dedupKey),
    });
    await this.dataSource.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`, [notificationId]);
    return 'sent';
  }
}
