import type { EntityManager } from 'typeorm';
import { findGovernmentByCode, type GovernmentRow } from '#persistence';
import { administers, isAdministrator } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden, notFound } from '../common/errors/app.exception.js';

/** Administration is for ADMINs only: anyone else gets 403 on every administration endpoint. */
export function assertAdministrator(user: AuthenticatedUser): void {
  if (!isAdministrator(user)) throw forbidden('Only an ADMIN administers governments, units and people');
}

/**
 * The government `code` if the caller administers it. One outside their reach does not exist for
 * them (404, as documents outside the read scope), so an ADMIN learns nothing of other governments.
 */
export async function administeredGovernment(manager: EntityManager, user: AuthenticatedUser, code: string): Promise<GovernmentRow> {
  assertAdministrator(user);
  const government = await findGovernmentByCode(manager, code);
  if (!government || !administers(user, government)) throw notFound('Government');
  return government;
}
