import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { JobName } from '#queue';
import type { NotificationType } from '#workflow';
import { WorkerJobProducer } from '../jobs/job-producer.provider.js';

export interface NotificationDraft {
  userId: string;
  type: NotificationType;
  /** null for a notification about no single document (the weekly digest, a delegation). */
  documentKind: string | null;
  documentId: string | null;
  title: string;
  message: string;
  dedupKey: string;
}

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
    if (drafts.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key)
       SELECT n."userId", n.type, n."documentKind", n."documentId", n.title, n.message, n."dedupKey"
         FROM jsonb_to_recordset($1::jsonb)
           AS n("userId" uuid, type text, "documentKind" text, "documentId" uuid, title text, message text, "dedupKey" text)
       ON CONFLICT (dedup_key) DO NOTHING
       RETURNING 1`,
      [JSON.stringify(drafts)],
    );
    return rows.length;
  }

  /**
   * After the notifications committed: queues an e-mail for each one not yet e-mailed (also those a
   * previous attempt stored), when SMTP is configured. Job ids are the notification ids.
   */
  async requestEmails(dedupKeys: readonly string[]): Promise<void> {
    if (!this.emailEnabled || dedupKeys.length === 0) return;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.dedup_key = ANY($1::text[]) AND n.emailed_at IS NULL AND u.email IS NOT NULL`,
      [dedupKeys],
    );
    await this.producer.add(rows.map((r) => ({ item: { name: JobName.EmailDelivery, data: { notificationId: r.id } } })));
  }
}
