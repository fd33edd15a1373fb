import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { consumePasswordReset, hashPassword, isPendingPasswordReset, recordAdminChanges, setUserPassword } from '#persistence';
import { notFound, validationFailed } from '../../common/errors/app.exception.js';
import type { Static } from 'typebox';
import type { CompletePasswordResetBody } from './password-reset.schemas.js';
import { passwordResetByEmail } from './request-password-reset.use-case.js';

/** What password_resets.token_hash holds for a token. */
export const passwordResetTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * POST /api/auth/password-reset (public, rate-limited): the e-mailed link's token and a new password.
 * The token works once, before it expires, for an active person, and only the newest link of a
 * person works; the password is set (no change required afterwards) and the reset recorded in the
 * administration audit. Anything else is 400 and changes nothing.
 */
@Injectable()
export class CompletePasswordResetUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(dto: Static<typeof CompletePasswordResetBody>): Promise<void> {
    if (!passwordResetByEmail(this.config)) throw notFound('Password reset by e-mail (SMTP_URL is not set, or PASSWORD_LOGIN=false)');
    const tokenHash = passwordResetTokenHash(dto.token);
    // a token that opens nothing costs no password hashing
    if (!(await isPendingPasswordReset(this.dataSource.manager, tokenHash, new Date()))) throw invalidLink();
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      const at = new Date();
      const person = await consumePasswordReset(tx, tokenHash, at);
      if (!person) throw invalidLink();
      await setUserPassword(tx, person.userId, hash, false, at, null);
      await recordAdminChanges(
        tx,
        [{ action: 'USER_PASSWORD_RESET_BY_EMAIL', targetType: 'USER', targetKey: person.username, governmentId: person.governmentId, actorId: person.userId, before: null, after: { hasPassword: true, mustChangePassword: false } }],
        at,
      );
    });
  }
}

const invalidLink = () =>
  validationFailed('token: this link is no longer valid (used, expired, replaced by a newer one, or unknown)', {
    fields: ['token: this link is no longer valid'],
  });
