import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document's pending deadlines, soonest first. The document query reads its stage's deadline with
 * `WHERE document_id = d.id AND status = 'PENDING' ORDER BY due_at LIMIT 1` (one per participant in a
 * stage answered in parallel), and a transition closes them by document; no index covered every
 * pending deadline of a document, so PostgreSQL walked all pending deadlines by due date until it met
 * the document's. At a million documents that was 100 ms and 4,000 blocks per document read, and
 * 5-19 s per inbox of 50 tasks (issue 16, bench/RESULTS.md).
 */
export class PendingDeadlinesByDocument1764014002000 implements MigrationInterface {
  name = 'PendingDeadlinesByDocument1764014002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_deadlines_pending_document ON deadlines (document_id, due_at) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_pending_document`);
  }
}
