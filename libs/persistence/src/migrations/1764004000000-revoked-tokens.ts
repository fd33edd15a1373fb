import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens ended before their expiry (sign-out). Keyed by the token's id (`jti`); a row is of
 * no use once the token has expired, so `expires_at` lets revoking purge the old ones.
 */
export class RevokedTokens1764004000000 implements MigrationInterface {
  name = 'RevokedTokens1764004000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE revoked_tokens (
        token_id uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_revoked_tokens_expires_at ON revoked_tokens (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE revoked_tokens`);
  }
}
