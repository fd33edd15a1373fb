import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's deadline also keeps when its document was made (which never changes), so that a list page takes the
 * newest of the drafts awaiting an OPD head's paraf off the awaited deadlines' index, without reading each draft to
 * order them (1,667 of them in the bench: bench/RESULTS.md section 4). Filled as the deadline is written, like the rest
 * of what it keeps of its document (migration 1764035000000).
 */
export class AwaitedDeadlinesKeepDocumentCreation1764037000000 implements MigrationInterface {
  name = 'AwaitedDeadlinesKeepDocumentCreation1764037000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN document_created_at timestamptz`);
    await q.query(`
      CREATE OR REPLACE FUNCTION deadline_awaited_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT d.unit_id, d.submitted_at IS NOT NULL, d.facilitation_requested_at IS NOT NULL, d.year, d.created_at
          INTO NEW.document_unit_id, NEW.document_submitted, NEW.document_facilitated, NEW.document_year, NEW.document_created_at
          FROM documents d WHERE d.id = NEW.document_id;
        RETURN NEW;
      END $$`);
    await q.query(
      `UPDATE deadlines pd SET document_created_at = d.created_at
         FROM documents d WHERE d.id = pd.document_id AND pd.participant_unit_id IS NOT NULL AND pd.status = 'PENDING'`,
    );
    await q.query(`DROP INDEX ix_deadlines_awaited`);
    await q.query(
      `CREATE INDEX ix_deadlines_awaited ON deadlines (government_id, unit_id, stage, kind)
         INCLUDE (document_id, document_unit_id, document_submitted, document_facilitated, document_year, document_created_at)
        WHERE status = 'PENDING' AND participant_unit_id = unit_id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_awaited`);
    await q.query(
      `CREATE INDEX ix_deadlines_awaited ON deadlines (government_id, unit_id, stage, kind)
         INCLUDE (document_id, document_unit_id, document_submitted, document_facilitated, document_year)
        WHERE status = 'PENDING' AND participant_unit_id = unit_id`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION deadline_awaited_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT d.unit_id, d.submitted_at IS NOT NULL, d.facilitation_requested_at IS NOT NULL, d.year
          INTO NEW.document_unit_id, NEW.document_submitted, NEW.document_facilitated, NEW.document_year
          FROM documents d WHERE d.id = NEW.document_id;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN document_created_at`);
  }
}
