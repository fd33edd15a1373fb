/**
 * The SQL twin of #workflow's `slaStatusOf` over a pending deadline's `due_at`, with the bounds as
 * parameters: OVERDUE at or after the due time, DUE_SOON up to `dueSoonUntil`, else ON_TIME.
 */
export function slaStatusSql(dueAt: string, nowParam: string, dueSoonParam: string): string {
  return `CASE WHEN ${dueAt} <= ${nowParam} THEN 'OVERDUE' WHEN ${dueAt} <= ${dueSoonParam} THEN 'DUE_SOON' ELSE 'ON_TIME' END`;
}

/**
 * The SQL twin of #workflow's `histogramPercentile`, as an aggregate over the buckets of one
 * histogram: `bucket` its value, `running` the count of its buckets up to this one (ascending, buckets
 * with a count only), `total` the histogram's count. The rank is ceil(p x n) in double precision, as
 * in JavaScript; no bucket: NULL.
 */
export function histogramPercentileSql(p: number, bucket: string, running: string, total: string): string {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  return `min(${bucket}) FILTER (WHERE ${running} >= ceil(${p}::float8 * ${total}::float8))`;
}
