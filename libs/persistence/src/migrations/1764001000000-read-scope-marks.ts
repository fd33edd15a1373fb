import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the read scope needs to know of a document's past (libs/workflow read-policy): when it was
 * first submitted (a draft never submitted is read by its unit only) and when its facilitation was
 * first requested (the parent province's LEGAL reads it from then on). Set by the transition writer;
 * filled here from the audit trail for documents that already moved.
 */
export class ReadScopeMarks1764001000000 implements MigrationInterface {
  name = 'ReadScopeMarks1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN submitted_at timestamptz, ADD COLUMN facilitation_requested_at timestamptz`);
    await q.query(`
      UPDATE documents d SET
        submitted_at = (SELECT min(h.at) FROM history_entries h WHERE h.document_id = d.id AND h.from_state = 'draft' AND h.to_state <> 'withdrawn'),
        facilitation_requested_at = (SELECT min(h.at) FROM history_entries h WHERE h.document_id = d.id AND h.to_state = 'facilitation')
       WHERE EXISTS (SELECT 1 FROM history_entries h WHERE h.document_id = d.id AND h.from_state IS NOT NULL)`);
    await q.query(`CREATE INDEX ix_documents_unsubmitted ON documents (government_id, kind) WHERE submitted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_documents_unsubmitted`);
    await q.query(`ALTER TABLE documents DROP COLUMN submitted_at, DROP COLUMN facilitation_requested_at`);
  }
}
