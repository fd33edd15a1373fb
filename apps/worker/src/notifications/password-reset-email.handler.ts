import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { findOutboxRow, issuePasswordResetToken } from '#persistence';
import { JobName, outboxMessageOf, OutboxMessageType, type PasswordResetEmailPayload } from '#queue';
import { formatIndonesianDateTime } from '#workflow';
import { OnJob } from '../jobs/on-job.decorator.js';
import { Mailer } from './mailer.service.js';

/**
 * E-mails the one-time link of a password reset (an outbox PASSWORD_RESET_REQUESTED row). The token
 * is made here, at sending time, and only its SHA-256 is stored: nobody, the database included, holds
 * a working link but the mailbox. A retry makes a new token and replaces the stored hash, so only the
 * link of the e-mail last sent works. A job that does not match its outbox row is dropped and logged;
 * a reset that is used, expired or replaced, or a person deactivated meanwhile, gets no e-mail.
 */
@Injectable()
export class PasswordResetEmailHandler {
  private readonly logger = new Logger(PasswordResetEmailHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.PasswordResetEmail)
  async handle(job: PasswordResetEmailPayload): Promise<string> {
    if (!this.mailer.enabled) return 'e-mail is off';
    const token = randomBytes(32).toString('base64url');
    const outcome = await this.dataSource.transaction(async (tx) => {
      const row = await findOutboxRow(tx, job.outboxId);
      const message = row ? outboxMessageOf(row) : null;
      if (message?.type !== OutboxMessageType.PasswordResetRequested || message.payload.passwordResetId !== job.passwordResetId) return 'mismatch' as const;
      return issuePasswordResetToken(tx, job.passwordResetId, createHash('sha256').update(token).digest('hex'), new Date());
    });
    if (outcome === 'mismatch') {
      this.logger.warn(`Dropped password-reset-email job for outbox row ${job.outboxId}: it does not match the outbox`);
      return 'dropped: does not match the outbox';
    }
    if (!outcome) return 'reset no longer pending';
    const link = `${this.config.publicUrl}/atur-kata-sandi?token=${token}`;
    await this.mailer.send({
      to: { name: outcome.name, address: outcome.email },
      subject: 'Atur ulang kata sandi alur',
      text:
        `Yth. ${outcome.name},\n\n` +
        `Kami menerima permintaan untuk mengatur ulang kata sandi akun alur Anda (${outcome.username}). ` +
        `Buka tautan berikut untuk membuat kata sandi baru. Tautan ini hanya dapat dipakai sekali dan berlaku hingga ${formatIndonesianDateTime(new Date(outcome.expiresAt), outcome.timeZone)}:\n\n` +
        `${link}\n\n` +
        'Bila Anda tidak meminta pengaturan ulang kata sandi, abaikan e-mail ini; kata sandi Anda tidak berubah.\n\n--\n' +
        `Pesan ini dikirim otomatis oleh alur, sistem alur kerja Reformasi Birokrasi ${outcome.governmentName}. Mohon tidak membalas e-mail ini.\n`,
      messageId: `<password-reset.${job.passwordResetId}.${randomBytes(6).toString('hex')}@alur>`,
    });
    return 'sent';
  }
}
