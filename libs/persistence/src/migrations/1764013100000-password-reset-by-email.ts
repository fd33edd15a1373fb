import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password reset by e-mail is recorded before its token exists: the worker makes the token when it
 * sends the e-mail and stores only its hash, so `token_hash` is null until then.
 */
export class PasswordResetByEmail1764013100000 implements MigrationInterface {
  name = 'PasswordResetByEmail1764013100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE password_resets ALTER COLUMN token_hash DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM password_resets WHERE token_hash IS NULL`);
    await q.query(`ALTER TABLE password_resets ALTER COLUMN token_hash SET NOT NULL`);
  }
}
