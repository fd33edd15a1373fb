import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword, recordAdminChanges, setUserPassword, UserDirectory, verifyPassword } from '#persistence';
import { validationFailed } from '../common/errors/app.exception.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { Static } from 'typebox';
import type { ChangePasswordBody } from './auth.schemas.js';

/**
 * POST /api/me/password: the caller replaces their password (self-service, and the way out of a
 * temporary one). A wrong current password is a 400 naming the field, not a 401, so the caller's
 * session stays. A new password ends the caller's other sessions; the one it was changed with stays.
 * The change is recorded in the administration audit (who, when; never the password).
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
  ) {}

  async execute(caller: AuthenticatedUser, tokenId: string, dto: Static<typeof ChangePasswordBody>): Promise<void> {
    const user = await this.users.findById(caller.id);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw validationFailed('currentPassword is not your current password', { fields: ['currentPassword is not your current password'] });
    }
    if (dto.newPassword === dto.currentPassword) {
      throw validationFailed('newPassword must differ from currentPassword', { fields: ['newPassword must differ from currentPassword'] });
    }
    const hash = await hashPassword(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      const at = new Date();
      await setUserPassword(tx, user.id, hash, false, at, tokenId);
      await recordAdminChanges(
        tx,
        [{ action: 'USER_PASSWORD_CHANGED', targetType: 'USER', targetKey: user.username, governmentId: user.governmentId, actorId: user.id, before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } }],
        at,
      );
    });
  }
}
