import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#config';
import { endSessions, hashPassword, recordAdminChanges, requestPasswordReset, setUserPassword } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { PASSWORD_RESET_TTL_MS, passwordResetByEmail } from '../auth/password-reset/request-password-reset.use-case.js';
import { forbidden } from '../common/errors/app.exception.js';
import { administeredUser, lockAdministeredUser } from './administered-user.js';
import { assertMayChangeSignIn } from './sign-in-guard.js';
import { generateTemporaryPassword } from './temporary-password.js';

export type PasswordResetResult =
  /** Shown once, here only: the person signs in with it and must change it before anything else. */
  | { username: string; delivery: 'TEMPORARY_PASSWORD'; temporaryPassword: string }
  /** The worker e-mails the person a one-time link (as "lupa kata sandi" does); the ADMIN never sees a password. */
  | { username: string; delivery: 'EMAIL'; email: string; expiresAt: string };

/**
 * POST /api/users/:username/password-reset (ADMIN). With SMTP set and an e-mail address on record, a
 * one-time link is e-mailed to the person. Otherwise a one-time password replaces the old one; the
 * person's tokens are refused (403 PASSWORD_CHANGE_REQUIRED) until they choose a new password, so that
 * reset also stops whoever knew the old one.
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(user: AuthenticatedUser, username: string): Promise<PasswordResetResult> {
    const person = await administeredUser(this.dataSource.manager, user, username);
    if (!person.active) throw forbidden(`${username} is deactivated: reactivate them before resetting their password`);
    assertMayChangeSignIn(user, person);
    if (person.email !== null && passwordResetByEmail(this.config)) return this.emailLink(user, username, person.email);
    const temporaryPassword = generateTemporaryPassword();
    const hash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (tx) => {
      const locked = await lockAdministeredUser(tx, user, username);
      assertMayChangeSignIn(user, locked);
      const at = new Date();
      await setUserPassword(tx, locked.id, hash, true, at, null);
      await recordAdminChanges(
        tx,
        [{ action: 'USER_PASSWORD_RESET', targetType: 'USER', targetKey: username, governmentId: locked.governmentId, actorId: user.id, before: { hasPassword: locked.hasPassword }, after: { hasPassword: true, mustChangePassword: true } }],
        at,
      );
    });
    return { username, delivery: 'TEMPORARY_PASSWORD', temporaryPassword };
  }

  private async emailLink(user: AuthenticatedUser, username: string, email: string): Promise<PasswordResetResult> {
    return this.dataSource.transaction(async (tx) => {
      const locked = await lockAdministeredUser(tx, user, username);
      assertMayChangeSignIn(user, locked);
      const at = new Date();
      const expiresAt = new Date(at.getTime() + PASSWORD_RESET_TTL_MS);
      await requestPasswordReset(tx, locked.id, expiresAt, at);
      await endSessions(tx, locked.id, at); // a reset for a stolen session locks the thief out now, not once the link is used
      await recordAdminChanges(
        tx,
        [{ action: 'USER_PASSWORD_RESET', targetType: 'USER', targetKey: username, governmentId: locked.governmentId, actorId: user.id, before: { hasPassword: locked.hasPassword }, after: { linkSentTo: email } }],
        at,
      );
      return { username, delivery: 'EMAIL' as const, email, expiresAt: expiresAt.toISOString() };
    });
  }
}
