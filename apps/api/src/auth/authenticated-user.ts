import type { UserRecord } from '#persistence';

/** The caller, as the guard puts it on the request (never the password hash). */
export type AuthenticatedUser = Omit<UserRecord, 'passwordHash'>;

export function toAuthenticatedUser({ passwordHash: _omit, ...user }: UserRecord): AuthenticatedUser {
  return user;
}
