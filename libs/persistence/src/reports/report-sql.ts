/**
 * The SQL twin of #workflow's `slaStatusOf` over a pending deadline's `due_at`, with the bounds as
 * parameters: OVERDUE at or after the due time, DUE_SOON up to `dueSoonUntil`, else ON_TIME.
 */
export function slaStatusSql(dueAt: string, nowParam: string, dueSoonParam: string): string {
  return `CASE WHEN ${dueAt} <= ${nowParam} THEN 'OVERDUE' WHEN ${dueAt} <= ${dueSoonParam} THEN 'DUE_SOON' ELSE 'ON_TIME' END`;
}
