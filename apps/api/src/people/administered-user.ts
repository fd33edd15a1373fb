import type { EntityManager } from 'typeorm';
import { findUserAccount, lockUserAccount, type UserAccountRow } from '#persistence';
import { administers } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { assertAdministrator } from '../administration/administered-government.js';
import { notFound } from '../common/errors/app.exception.js';

function visibleTo(user: AuthenticatedUser, person: UserAccountRow | null): person is UserAccountRow {
  return person !== null && administers(user, { code: person.governmentCode, parentCode: person.parentGovernmentCode });
}

/** A person of a government the caller administers; anyone else does not exist for them (404). */
export async function administeredUser(manager: EntityManager, user: AuthenticatedUser, username: string): Promise<UserAccountRow> {
  assertAdministrator(user);
  const person = await findUserAccount(manager, username);
  if (!visibleTo(user, person)) throw notFound('User');
  return person;
}

/** The same, locked for an update in the caller's transaction. */
export async function lockAdministeredUser(tx: EntityManager, user: AuthenticatedUser, username: string): Promise<UserAccountRow> {
  const person = await lockUserAccount(tx, username);
  if (!visibleTo(user, person)) throw notFound('User');
  return person;
}
