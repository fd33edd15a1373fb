import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pending deadlines whose offered roles are not known yet (`lockUnknownOfferedRoles`): the worker finds them here
 * in short batches, and a pass with none reads an empty index. New deadlines are written with their roles, so the
 * index stays empty but for an upgrade's and an older API process's deadlines.
 */
export class OfferedRolesUnknown1764033000000 implements MigrationInterface {
  name = 'OfferedRolesUnknown1764033000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_deadlines_offered_roles_unknown ON deadlines (id) WHERE status = 'PENDING' AND offered_roles IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_deadlines_offered_roles_unknown`);
  }
}
