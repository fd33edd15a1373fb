import type { MigrationInterface, QueryRunner } from 'typeorm';

const INBOX_INDEXES = [
  ['ix_deadlines_inbox', '(government_id, stage, due_at, document_id)'],
  ['ix_deadlines_inbox_unit', '(government_id, unit_id, stage, due_at, document_id)'],
] as const;

/**
 * Each pending deadline keeps the roles its document's workflow offers an action (`rolesOfferedTask`), in the
 * inbox's indexes: the inbox leaves out, before reading a document, one that waits on a condition for every
 * role of the caller (a Kepala OPD's Quick Win in implementation before its first progress report), where it
 * read each such document, its workflow and its deadline to judge it (bench/RESULTS.md section 4a). Null: not
 * known (a deadline written before this), which the inbox judges as before; the worker works them out in short
 * batches (apps/worker OfferedRolesFiller, migration 1764033000000's index), so this holds no row of a large
 * database for long (writing them all in one statement here took 21-37 s at 330,000 pending deadlines).
 */
export class DeadlineOfferedRoles1764032000000 implements MigrationInterface {
  name = 'DeadlineOfferedRoles1764032000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN offered_roles text[]`);
    for (const [name, columns] of INBOX_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON deadlines ${columns} INCLUDE (offered_roles) WHERE status = 'PENDING'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of INBOX_INDEXES) await q.query(`DROP INDEX ${name}`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN offered_roles`);
    for (const [name, columns] of INBOX_INDEXES) await q.query(`CREATE INDEX ${name} ON deadlines ${columns} WHERE status = 'PENDING'`);
  }
}
