import { ALL_ROLES, DeploymentRole, type Role } from '../domain/role.types.js';
import type { GovernmentLevel } from '../domain/government.types.js';

/** The administrator as the administration rules see them. */
export interface AdministratorFacts {
  roles: readonly string[];
  governmentCode: string;
  governmentLevel: GovernmentLevel;
}

/** Where a government sits: its code and its province's (null for a province). */
export interface GovernmentPlace {
  code: string;
  parentCode: string | null;
}

/**
 * The deployment-level role of the queue dashboard: given by the bootstrap command or the seed only,
 * never by a government's ADMIN.
 */
export const DEPLOYMENT_ROLE = DeploymentRole.OPERATOR;

/** The roles an ADMIN may grant: domain.md's roles of a government. */
export const GRANTABLE_ROLES: readonly Role[] = ALL_ROLES;

/** What the bootstrap command gives the first province's ADMIN: the province's ADMIN and the deployment's OPERATOR. */
export const BOOTSTRAP_ADMIN_ROLES: readonly string[] = Object.freeze(['ADMIN', DeploymentRole.OPERATOR]);

export function isGrantableRole(value: unknown): value is Role {
  return typeof value === 'string' && (GRANTABLE_ROLES as readonly string[]).includes(value);
}

export function isAdministrator(actor: Pick<AdministratorFacts, 'roles'>): boolean {
  return actor.roles.includes('ADMIN');
}

/**
 * An ADMIN administers their own government, and a province's ADMIN also its regencies and cities
 * (issue 13). Nobody else administers anything. Mirrored in SQL by `administeredGovernmentsSql`.
 */
export function administers(actor: AdministratorFacts, government: GovernmentPlace): boolean {
  if (!isAdministrator(actor)) return false;
  if (government.code === actor.governmentCode) return true;
  return actor.governmentLevel === 'PROVINCE' && government.parentCode === actor.governmentCode;
}

/**
 * An ADMIN never gives up their own ADMIN role, by hand or by import: the government would be left
 * with nobody to administer it but the province. Another ADMIN takes it away if it must go.
 */
export function dropsOwnAdministration(actorUsername: string, target: { username: string; roles: readonly string[] }): boolean {
  return actorUsername === target.username && !target.roles.includes('ADMIN');
}

/** National holidays are entered by provinces, for every government. */
export function entersNationalHolidays(governmentLevel: GovernmentLevel): boolean {
  return governmentLevel === 'PROVINCE';
}

/** National holidays and cuti bersama are entered by a province's ADMIN (domain.md); every government counts them. */
export function managesNationalHolidays(actor: Pick<AdministratorFacts, 'roles' | 'governmentLevel'>): boolean {
  return isAdministrator(actor) && entersNationalHolidays(actor.governmentLevel);
}

/** Only a province's ADMIN creates governments, and only regencies and cities under that province. */
export function mayCreateGovernments(actor: AdministratorFacts): boolean {
  return isAdministrator(actor) && actor.governmentLevel === 'PROVINCE';
}

/**
 * Whether `actor` may change how `person` signs in: reset their password (a temporary one is shown to
 * the ADMIN; a link goes to the address on record) or change the e-mail address a reset link goes to
 * or the NIP single sign-on matches. Anyone's, except a holder of the deployment's OPERATOR role, whose
 * sign-in only someone holding OPERATOR too changes: otherwise a government's ADMIN, who may neither
 * grant nor delegate that role, would take it over with the account.
 */
export function mayChangeSignInOf(actor: Pick<AdministratorFacts, 'roles'>, person: { roles: readonly string[] }): boolean {
  return !person.roles.includes(DEPLOYMENT_ROLE) || actor.roles.includes(DEPLOYMENT_ROLE);
}
