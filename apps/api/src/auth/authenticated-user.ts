import type { ActorRecord, HeldDelegationRecord, UserRecord } from '#persistence';

/**
 * The caller, as the guard puts it on the request (never the password hash), with the delegations
 * they held when the request arrived (absent when the user was loaded another way, e.g. at login).
 */
export type AuthenticatedUser = Omit<UserRecord, 'passwordHash'> & { delegations?: HeldDelegationRecord[] };

export function toAuthenticatedUser({ passwordHash: _omit, ...user }: UserRecord | ActorRecord): AuthenticatedUser {
  return user;
}
