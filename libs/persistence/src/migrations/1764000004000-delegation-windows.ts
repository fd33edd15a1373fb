import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delegation rules the database enforces itself, whatever writes the rows: one acting official per
 * principal and role at a time (no two non-revoked windows of the same principal and role overlap;
 * windows are half-open [starts_at, ends_at), so back-to-back windows are fine), a known role, and
 * a revocation that always says who revoked.
 */
export class DelegationWindows1764000004000 implements MigrationInterface {
  name = 'DelegationWindows1764000004000';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist gives GiST the = operator on uuid and text, needed next to && on ranges.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      ALTER TABLE delegations ADD CONSTRAINT ex_delegations_no_overlap
        EXCLUDE USING gist (principal_id WITH =, role WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (revoked_at IS NULL)`);
    await q.query(`
      ALTER TABLE delegations ADD CONSTRAINT ck_delegations_role
        CHECK (role IN ('DRAFTER', 'UNIT_HEAD', 'ORG_VERIFIER', 'LEGAL', 'ASSISTANT', 'SECRETARY', 'REGIONAL_HEAD', 'INSPECTOR', 'ADMIN'))`);
    await q.query(`
      ALTER TABLE delegations ADD CONSTRAINT ck_delegations_revocation
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delegations DROP CONSTRAINT ck_delegations_revocation`);
    await q.query(`ALTER TABLE delegations DROP CONSTRAINT ck_delegations_role`);
    await q.query(`ALTER TABLE delegations DROP CONSTRAINT ex_delegations_no_overlap`);
    // btree_gist stays: other objects may use it by now.
  }
}
