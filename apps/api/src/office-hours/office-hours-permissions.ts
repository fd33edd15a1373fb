import type { GovernmentRow } from '#persistence';
import { administers } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden } from '../common/errors/app.exception.js';

type Caller = Pick<AuthenticatedUser, 'governmentCode' | 'governmentLevel' | 'parentGovernmentCode' | 'roles'>;

/** A government's office hours are seen by its own people, by its province's, and by its regencies' and cities'. */
export function mayReadOfficeHours(user: Caller, government: Pick<GovernmentRow, 'code' | 'parentCode'>): boolean {
  return government.code === user.governmentCode || government.parentCode === user.governmentCode || government.code === user.parentGovernmentCode;
}

/** Whoever administers the government changes its office hours: its ADMIN, and its province's ADMIN (`administers`). */
export function assertMayEditOfficeHours(user: Caller, government: Pick<GovernmentRow, 'code' | 'parentCode'>): void {
  if (!user.roles.includes('ADMIN')) throw forbidden(`Only an ADMIN changes the office hours of ${government.code}`);
  if (!administers(user, government)) throw forbidden(`An ADMIN of ${user.governmentCode} may not change the office hours of ${government.code}`);
}
