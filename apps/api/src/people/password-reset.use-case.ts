import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword, recordAdminChanges, setUserPassword } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden } from '../common/errors/app.exception.js';
import { administeredUser, lockAdministeredUser } from './administered-user.js';
import { generateTemporaryPassword } from './temporary-password.js';

export interface PasswordResetResult {
  username: string;
  /** Shown once, here only: the person signs in with it and must change it before anything else. */
  temporaryPassword: string;
}

/**
 * POST /api/users/:username/password-reset (ADMIN): a one-time password replaces the old one. The
 * person's tokens are refused (403 PASSWORD_CHANGE_REQUIRED) until they choose a new password, so a
 * reset also stops whoever knew the old one.
 */
@Injectable()
export class ResetPasswordUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, username: string): Promise<PasswordResetResult> {
    const person = await administeredUser(this.dataSource.manager, user, username);
    if (!person.active) throw forbidden(`${username} is deactivated: reactivate them before resetting their password`);
    const temporaryPassword = generateTemporaryPassword();
    const hash = await hashPassword(temporaryPassword);
    await this.dataSource.transaction(async (tx) => {
      const locked = await lockAdministeredUser(tx, user, username);
      const at = new Date();
      await setUserPassword(tx, locked.id, hash, true, at);
      await recordAdminChanges(
        tx,
        [{ action: 'USER_PASSWORD_RESET', targetType: 'USER', targetKey: username, governmentId: locked.governmentId, actorId: user.id, before: { hasPassword: locked.hasPassword }, after: { hasPassword: true, mustChangePassword: true } }],
        at,
      );
    });
    return { username, temporaryPassword };
  }
}
