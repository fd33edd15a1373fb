import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline carries its document's government and unit, so the task inbox reads "the pending
 * deadlines of this government (and unit) in these stages, soonest first" straight off one index,
 * however many documents the government has.
 */
export class DeadlinePlacement1764000006000 implements MigrationInterface {
  name = 'DeadlinePlacement1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN government_id uuid REFERENCES governments(id), ADD COLUMN unit_id uuid REFERENCES units(id)`);
    await q.query(`UPDATE deadlines dl SET government_id = d.government_id, unit_id = d.unit_id FROM documents d WHERE d.id = dl.document_id`);
    await q.query(`ALTER TABLE deadlines ALTER COLUMN government_id SET NOT NULL, ALTER COLUMN unit_id SET NOT NULL`);
    await q.query(`CREATE INDEX ix_deadlines_inbox ON deadlines (government_id, stage, due_at, document_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX ix_deadlines_inbox_unit ON deadlines (government_id, unit_id, stage, due_at, document_id) WHERE status = 'PENDING'`);
    // drafts wait for their drafter without a deadline: oldest first per unit
    await q.query(`CREATE INDEX ix_documents_open_unit_created ON documents (government_id, unit_id, state, created_at) WHERE NOT final`);
    // the document list filtered by state (?state=), newest first
    await q.query(`CREATE INDEX ix_documents_list_state ON documents (kind, government_id, state, created_at DESC, id DESC)`);
    // ... and by year (?year=)
    await q.query(`CREATE INDEX ix_documents_list_year ON documents (kind, government_id, year, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_documents_list_year`);
    await q.query(`DROP INDEX ix_documents_list_state`);
    await q.query(`DROP INDEX ix_documents_open_unit_created`);
    await q.query(`DROP INDEX ix_deadlines_inbox_unit`);
    await q.query(`DROP INDEX ix_deadlines_inbox`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN unit_id, DROP COLUMN government_id`);
  }
}
