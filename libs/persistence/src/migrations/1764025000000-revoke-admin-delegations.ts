import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ADMIN role is no longer delegated (isDelegableRole). Delegations of it recorded before, not yet
 * ended, are revoked, so none keeps widening what its delegate reads; revoked in the name of whoever
 * recorded them, the only person the row can name.
 */
export class RevokeAdminDelegations1764025000000 implements MigrationInterface {
  name = 'RevokeAdminDelegations1764025000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE delegations SET revoked_at = now(), revoked_by = created_by WHERE role = 'ADMIN' AND revoked_at IS NULL AND ends_at > now()`);
  }

  async down(): Promise<void> {
    // a revocation is not undone
  }
}
