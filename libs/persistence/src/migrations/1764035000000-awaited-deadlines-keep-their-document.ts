import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's deadline (paraf koordinasi by the OPDs concerned) keeps what a list's total asks of its document:
 * its unit, whether it was submitted and sent to the province's facilitation, and its year. None of them changes while
 * the deadline is pending: the unit never does, the marks are never taken back and are set before paraf koordinasi,
 * and the year moves only with an edit (draft and revision alone) or the promulgation after it. So the total of an
 * awaited OPD head reads the drafts awaiting it off one index instead of reading each document (1,667 of them in the
 * bench: bench/RESULTS.md section 4). Filled from the document as the deadline is written, whoever writes it.
 */
export class AwaitedDeadlinesKeepTheirDocument1764035000000 implements MigrationInterface {
  name = 'AwaitedDeadlinesKeepTheirDocument1764035000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE deadlines ADD COLUMN document_unit_id uuid, ADD COLUMN document_submitted boolean, ADD COLUMN document_facilitated boolean, ADD COLUMN document_year int`,
    );
    await q.query(`
      CREATE FUNCTION deadline_awaited_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT d.unit_id, d.submitted_at IS NOT NULL, d.facilitation_requested_at IS NOT NULL, d.year
          INTO NEW.document_unit_id, NEW.document_submitted, NEW.document_facilitated, NEW.document_year
          FROM documents d WHERE d.id = NEW.document_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER trg_deadlines_awaited_document BEFORE INSERT ON deadlines
        FOR EACH ROW WHEN (NEW.participant_unit_id IS NOT NULL) EXECUTE FUNCTION deadline_awaited_document()`);
    await q.query(
      `UPDATE deadlines pd SET document_unit_id = d.unit_id, document_submitted = d.submitted_at IS NOT NULL,
              document_facilitated = d.facilitation_requested_at IS NOT NULL, document_year = d.year
         FROM documents d WHERE d.id = pd.document_id AND pd.participant_unit_id IS NOT NULL AND pd.status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX ix_deadlines_awaited ON deadlines (government_id, unit_id, stage, kind)
         INCLUDE (document_id, document_unit_id, document_submitted, document_facilitated, document_year)
        WHERE status = 'PENDING' AND participant_unit_id = unit_id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_awaited`);
    await q.query(`DROP TRIGGER trg_deadlines_awaited_document ON deadlines`);
    await q.query(`DROP FUNCTION deadline_awaited_document()`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN document_unit_id, DROP COLUMN document_submitted, DROP COLUMN document_facilitated, DROP COLUMN document_year`);
  }
}
