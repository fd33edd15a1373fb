import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every deadline of a document by stage. A transition's notification names the deadline its stage
 * got (`latestStageDeadline`: the pending one if any, else the latest), and no index led with the
 * document for deadlines that are no longer pending: each notification scanned the whole deadlines
 * table (1,600 rows: 1 ms; a million documents: seconds per notification). bench/RESULTS.md 1a.
 */
export class DeadlinesByDocumentStage1764019000000 implements MigrationInterface {
  name = 'DeadlinesByDocumentStage1764019000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_deadlines_document_stage ON deadlines (document_id, stage)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_document_stage`);
  }
}
