import { Role } from './role.types.js';

/**
 * Who receives an ESCALATION when the actors of a stage holding `role` miss its deadline
 * (domain.md "Deadlines"). REGIONAL_HEAD escalates to SECRETARY for information. ADMIN acts in no stage.
 */
export const ESCALATION_SUPERIOR: Readonly<Record<Exclude<Role, 'ADMIN'>, Role>> = Object.freeze({
  DRAFTER: Role.UNIT_HEAD,
  UNIT_HEAD: Role.SECRETARY,
  ORG_VERIFIER: Role.SECRETARY,
  LEGAL: Role.SECRETARY,
  ASSISTANT: Role.SECRETARY,
  INSPECTOR: Role.SECRETARY,
  SECRETARY: Role.REGIONAL_HEAD,
  REGIONAL_HEAD: Role.SECRETARY,
});

/** The superior of a role, or null for ADMIN (which never acts in a stage). */
export function escalationSuperiorOf(role: Role): Role | null {
  return role === Role.ADMIN ? null : ESCALATION_SUPERIOR[role];
}
