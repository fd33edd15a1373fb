import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open stages of the two days that hold `now` and the due-soon bound are counted deadline by
 * deadline (migration OpenStageCounts): at a million documents that is about 1,800 deadlines per
 * government and day, spread over the heap (2,600 blocks read, 88 ms for kaltim on a loaded
 * machine, bench/RESULTS.md section 6). The index carries what the count groups by, so the count
 * is an index-only scan.
 */
export class OpenStageDaysIndexOnly1764017001000 implements MigrationInterface {
  name = 'OpenStageDaysIndexOnly1764017001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_pending_government_due`);
    await q.query(`CREATE INDEX ix_deadlines_pending_government_due ON deadlines (government_id, due_at) INCLUDE (kind, stage, unit_id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_pending_government_due`);
    await q.query(`CREATE INDEX ix_deadlines_pending_government_due ON deadlines (government_id, due_at) WHERE status = 'PENDING'`);
  }
}
