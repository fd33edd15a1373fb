import { managesNationalHolidays } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden } from '../common/errors/app.exception.js';

/**
 * An ADMIN manages their own government's holidays; a PROVINCE's ADMIN also the national ones
 * (domain.md, api.md). Anyone else: 403.
 */
export function assertMayManageHolidays(user: AuthenticatedUser, governmentCode: string | null): void {
  if (!user.roles.includes('ADMIN')) throw forbidden('Only an ADMIN manages holidays');
  if (governmentCode === null) {
    if (!managesNationalHolidays(user)) throw forbidden("National holidays are managed by a province's ADMIN");
    return;
  }
  if (governmentCode !== user.governmentCode) {
    throw forbidden(`An ADMIN manages the holidays of their own government (${user.governmentCode}) only`);
  }
}
