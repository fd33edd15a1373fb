import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A government's year of stage times is about 5,000 summary rows at a million documents (months x
 * stages x duration buckets), scattered over the whole of `stage_time_totals` (542 heap blocks read
 * for 5,081 rows, bench/RESULTS.md section 6). The keys of both stage-time summaries carry `count`
 * and `within_sla`, so stage-times reads them by an index-only scan of the key's range.
 */
export class StageTimeSummariesIndexOnly1764017002000 implements MigrationInterface {
  name = 'StageTimeSummariesIndexOnly1764017002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stage_time_totals DROP CONSTRAINT stage_time_totals_pkey, ADD PRIMARY KEY (government_id, month, kind, stage, bucket) INCLUDE (count, within_sla)`);
    await q.query(`ALTER TABLE stage_time_counts DROP CONSTRAINT stage_time_counts_pkey, ADD PRIMARY KEY (government_id, unit_id, month, kind, stage, bucket) INCLUDE (count, within_sla)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stage_time_totals DROP CONSTRAINT stage_time_totals_pkey, ADD PRIMARY KEY (government_id, month, kind, stage, bucket)`);
    await q.query(`ALTER TABLE stage_time_counts DROP CONSTRAINT stage_time_counts_pkey, ADD PRIMARY KEY (government_id, unit_id, month, kind, stage, bucket)`);
  }
}
