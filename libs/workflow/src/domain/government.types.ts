/** Level of a regional government (domain.md "Governments and units"). */
export const GovernmentLevel = {
  PROVINCE: 'PROVINCE',
  REGENCY: 'REGENCY',
  CITY: 'CITY',
} as const;

export type GovernmentLevel = (typeof GovernmentLevel)[keyof typeof GovernmentLevel];

export const ALL_GOVERNMENT_LEVELS: readonly GovernmentLevel[] = Object.freeze(Object.values(GovernmentLevel));

export function isGovernmentLevel(value: unknown): value is GovernmentLevel {
  return typeof value === 'string' && (ALL_GOVERNMENT_LEVELS as readonly string[]).includes(value);
}
