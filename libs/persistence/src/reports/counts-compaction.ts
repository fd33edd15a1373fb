import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared-query.util.js';

/** The writers' counter slots of the list totals (`document_count_slot()`, migration 1764018000000). */
const DOCUMENT_COUNT_SLOTS = 32;
/** How many slots one transaction of the fold takes: writers find a free one among the rest. */
const DOCUMENT_COUNT_FOLD_GROUP = 8;

/**
 * Folds the delta rows of document counts, report summaries and open-stage counts into their totals; returns how
 * many were folded. The writers' slots of the list totals are folded `DOCUMENT_COUNT_FOLD_GROUP` at a time, each
 * group in a transaction of its own (migration 1764031000000), so a transition never waits for the fold: call it
 * outside a transaction.
 */
export async function compactCountsAndSummaries(manager: EntityManager): Promise<number> {
  if (manager.queryRunner?.isTransactionActive) throw new Error('compactCountsAndSummaries folds in transactions of its own: call it outside one');
  let folded = 0;
  for (let first = 1; first <= DOCUMENT_COUNT_SLOTS; first += DOCUMENT_COUNT_FOLD_GROUP) {
    const slots = Array.from({ length: DOCUMENT_COUNT_FOLD_GROUP }, (_, i) => first + i);
    const [group] = await queryPrepared<{ folded: string }>(manager, `SELECT compact_document_count_slots($1::int[]) AS folded`, [slots]);
    folded += Number(group.folded);
  }
  const [summaries]: Array<{ folded: number | string }> = await manager.query(`SELECT compact_report_summaries() + compact_open_stage_counts() AS folded`);
  return folded + Number(summaries.folded);
}
