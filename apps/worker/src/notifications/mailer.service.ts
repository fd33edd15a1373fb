import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '#config';

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** `<...@alur>`, derived from the notification's deduplication key. */
  messageId: string;
}

/** SMTP through nodemailer when SMTP_URL is set; otherwise e-mail is off. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.smtp.from;
    this.transport = config.smtp.url
      ? nodemailer.createTransport({ url: config.smtp.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('E-mail is off (SMTP_URL is not set)');
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
