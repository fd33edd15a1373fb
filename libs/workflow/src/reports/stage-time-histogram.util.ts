/**
 * Stage times are kept as counts per rounded duration (a histogram), so a median over a million
 * stages reads a few thousand rows. The grid widens with the duration, about 200 buckets up to a
 * year: 15 minutes below 2 hours, 30 minutes below 8 hours, 1 hour below 2 days, 4 hours below 10
 * days, 1 day below 8 weeks, 1 week beyond. `stage_time_bucket(seconds)` in SQL (migration
 * ReportSummaryTotals) is the same function; a test holds them together.
 */
const HOUR = 3600;
export const STAGE_TIME_GRID: ReadonlyArray<{ readonly below: number; readonly step: number }> = Object.freeze([
  { below: 2 * HOUR, step: HOUR / 4 },
  { below: 8 * HOUR, step: HOUR / 2 },
  { below: 48 * HOUR, step: HOUR },
  { below: 240 * HOUR, step: 4 * HOUR },
  { below: 1344 * HOUR, step: 24 * HOUR },
  { below: Number.POSITIVE_INFINITY, step: 168 * HOUR },
]);

/** The bucket (its lower bound, in seconds) of a working duration of `seconds`. */
export function stageTimeBucket(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds));
  const { step } = STAGE_TIME_GRID.find((g) => s < g.below)!;
  return s - (s % step);
}

export interface HistogramBucket {
  /** The bucket's lower bound. */
  readonly value: number;
  readonly count: number;
}

/**
 * The nearest-rank percentile (`p` in (0, 1]): the smallest bucket at or below which at least
 * ceil(p x n) of the n values lie. The median of 4 values is the 2nd. Null when there is none.
 */
export function histogramPercentile(buckets: readonly HistogramBucket[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  const sorted = [...buckets].filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((sum, b) => sum + b.count, 0);
  if (n === 0) return null;
  const rank = Math.ceil(p * n);
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (seen >= rank) return bucket.value;
  }
  return sorted.at(-1)!.value;
}
