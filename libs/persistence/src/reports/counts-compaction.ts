import type { EntityManager } from 'typeorm';

/** Folds the delta rows of document counts, report summaries and open-stage counts into their totals; returns how many were folded. */
export async function compactCountsAndSummaries(manager: EntityManager): Promise<number> {
  const [{ folded }]: Array<{ folded: number | string }> = await manager.query(`SELECT compact_document_counts() + compact_report_summaries() + compact_open_stage_counts() AS folded`);
  return Number(folded);
}
