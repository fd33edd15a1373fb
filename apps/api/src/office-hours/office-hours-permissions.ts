import type { GovernmentOfficeHours } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden } from '../common/errors/app.exception.js';

type Placement = Pick<AuthenticatedUser, 'governmentId' | 'governmentCode' | 'parentGovernmentCode' | 'roles'>;

/** A government's office hours are seen by its own people, by its province's, and by its regencies' and cities'. */
export function mayReadOfficeHours(user: Placement, government: GovernmentOfficeHours): boolean {
  return (
    government.governmentId === user.governmentId ||
    government.parentGovernmentId === user.governmentId ||
    government.governmentCode === user.parentGovernmentCode
  );
}

/** An ADMIN edits their own government's office hours; a province's ADMIN also those of its regencies and cities. */
export function assertMayEditOfficeHours(user: Placement, government: GovernmentOfficeHours): void {
  if (!user.roles.includes('ADMIN')) throw forbidden(`Only an ADMIN changes the office hours of ${government.governmentCode}`);
  if (government.governmentId === user.governmentId || government.parentGovernmentId === user.governmentId) return;
  throw forbidden(`An ADMIN of ${user.governmentCode} may not change the office hours of ${government.governmentCode}`);
}
