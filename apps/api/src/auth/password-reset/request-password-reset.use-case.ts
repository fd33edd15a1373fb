import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { findPersonForPasswordReset, requestPasswordReset } from '#persistence';
import { notFound } from '../../common/errors/app.exception.js';
import { PASSWORD_RESET_REQUESTED } from './password-reset.dto.js';

/** How long an e-mailed link works. */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

/** Whether this deployment offers resets by e-mail: SMTP is set and people sign in with passwords. */
export const passwordResetByEmail = (config: AppConfig): boolean => config.smtp.url !== null && config.passwordLogin;

/**
 * POST /api/auth/password-reset/request ("lupa kata sandi", public, rate-limited like sign-in): when an
 * active person with an e-mail address has this username or e-mail address, a pending reset is recorded
 * and the worker e-mails its one-time link. The answer is the same either way, so it tells nobody
 * whether an account exists.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(login: string): Promise<typeof PASSWORD_RESET_REQUESTED> {
    if (!passwordResetByEmail(this.config)) throw notFound('Password reset by e-mail (SMTP_URL is not set, or PASSWORD_LOGIN=false)');
    await this.dataSource.transaction(async (tx) => {
      const person = await findPersonForPasswordReset(tx, login.trim());
      if (!person) return;
      const now = new Date();
      await requestPasswordReset(tx, person.id, new Date(now.getTime() + PASSWORD_RESET_TTL_MS), now);
    });
    return PASSWORD_RESET_REQUESTED;
  }
}
