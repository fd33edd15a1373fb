import { mayChangeSignInOf } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden } from '../common/errors/app.exception.js';

/**
 * 403 when the ADMIN may not change how `person` signs in (a password reset, a new e-mail address or
 * NIP): a holder of the deployment's OPERATOR role, for anyone not holding it too (`mayChangeSignInOf`).
 */
export function assertMayChangeSignIn(user: AuthenticatedUser, person: { username: string; roles: readonly string[] }): void {
  if (!mayChangeSignInOf(user, person)) {
    throw forbidden(`${person.username} holds the deployment's OPERATOR role: only an OPERATOR resets their password or changes their e-mail address or NIP`);
  }
}
