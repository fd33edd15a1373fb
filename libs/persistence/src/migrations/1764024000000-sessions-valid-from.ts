import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new password ends the person's other sessions: tokens issued before `sessions_valid_from` are
 * refused, but for `session_kept`, the token the person changed it with.
 */
export class SessionsValidFrom1764024000000 implements MigrationInterface {
  name = 'SessionsValidFrom1764024000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN sessions_valid_from timestamptz, ADD COLUMN session_kept uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN sessions_valid_from, DROP COLUMN session_kept`);
  }
}
