import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration in alur itself (issue 13): people created without a password (they get one by a
 * reset), a reset that must be changed at the next sign-in, NIP unique, the unit head that
 * escalations reach, one-time password-reset links and the audit of administration.
 */
export class Administration1764005000000 implements MigrationInterface {
  name = 'Administration1764005000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE UNIQUE INDEX uq_users_nip ON users (nip) WHERE nip IS NOT NULL`);
    await q.query(`ALTER TABLE units ADD COLUMN head_user_id uuid REFERENCES users(id)`);
    await q.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        -- SHA-256 of the token sent by e-mail; the token itself is never stored
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_password_resets_user ON password_resets (user_id)`);
    await q.query(`
      CREATE TABLE admin_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        -- null for the bootstrap command, which runs before anyone exists
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        target_type text NOT NULL CHECK (target_type IN ('GOVERNMENT', 'UNIT', 'USER')),
        target_key text NOT NULL,
        -- the government the change belongs to: whose ADMIN may read it
        government_id uuid NOT NULL REFERENCES governments(id),
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX ix_admin_audit_government ON admin_audit (government_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_audit`);
    await q.query(`DROP TABLE password_resets`);
    await q.query(`ALTER TABLE units DROP COLUMN head_user_id`);
    await q.query(`DROP INDEX uq_users_nip`);
    await q.query(`ALTER TABLE users DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
