/** The most candidates one read takes per task still missing, however few of those judged so far were tasks. */
const MAX_READ_PER_MISSING_TASK = 4;

/**
 * How many candidate summaries to read next when `missing` tasks are still wanted, from how many of the
 * candidates judged so far turned out to be tasks. A caller who can act on every candidate (a drafter's
 * drafts) reads exactly what is missing; a Kepala OPD, half of whose candidates wait for a progress report
 * before COMPLETE, reads about twice that, so the page fills in one more read instead of ever-halving ones.
 */
export function summaryBatchSize(missing: number, judged: number, accepted: number): number {
  if (judged === 0 || accepted === judged) return missing;
  const perTask = accepted === 0 ? MAX_READ_PER_MISSING_TASK : Math.min(MAX_READ_PER_MISSING_TASK, judged / accepted);
  return Math.ceil(missing * perTask);
}
