/** The roles a user can hold in their government (domain.md "Roles"). */
export const Role = {
  DRAFTER: 'DRAFTER',
  UNIT_HEAD: 'UNIT_HEAD',
  ORG_VERIFIER: 'ORG_VERIFIER',
  LEGAL: 'LEGAL',
  ASSISTANT: 'ASSISTANT',
  SECRETARY: 'SECRETARY',
  REGIONAL_HEAD: 'REGIONAL_HEAD',
  INSPECTOR: 'INSPECTOR',
  ADMIN: 'ADMIN',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.freeze(Object.values(Role));

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/**
 * Roles of the deployment, held by the provincial IT office that runs alur, not by any government:
 * OPERATOR sees the job queues. No government ADMIN grants it and nobody delegates it; the demo seed
 * (and a deployment's own provisioning) gives it.
 */
export const DeploymentRole = {
  OPERATOR: 'OPERATOR',
} as const;

export type DeploymentRole = (typeof DeploymentRole)[keyof typeof DeploymentRole];

export function isOperator(roles: readonly string[]): boolean {
  return roles.includes(DeploymentRole.OPERATOR);
}
