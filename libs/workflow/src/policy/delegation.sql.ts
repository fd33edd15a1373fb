/**
 * `isDelegationActive` as SQL: the row of `delegations` aliased `alias` is in force at `now` (an SQL
 * expression such as `$2::timestamptz`): not revoked and starts_at <= now < ends_at, the half-open
 * window of the pure rule. Every query that asks whether a delegation is in force uses this one text;
 * delegation-window-agreement.e2e-spec.ts checks that it agrees with `isDelegationActive` in PostgreSQL.
 */
export function delegationActiveAtSql(alias: string, now: string): string {
  return `(${alias}.revoked_at IS NULL AND ${alias}.starts_at <= ${now} AND ${alias}.ends_at > ${now})`;
}
