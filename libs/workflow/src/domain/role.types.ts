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
