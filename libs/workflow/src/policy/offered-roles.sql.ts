/**
 * `offeredToAnyOf` as SQL: the deadline row aliased `alias` is worth judging for a caller holding the roles
 * `roles` (an SQL `text[]` expression): its workflow offers one of them an action, or what it offers is not
 * known. read-policy-agreement.e2e-spec.ts checks in PostgreSQL that the inbox query agrees with the pure rule.
 */
export function offeredToAnyOfSql(alias: string, roles: string): string {
  return `(${alias}.offered_roles IS NULL OR ${alias}.offered_roles && ${roles})`;
}
