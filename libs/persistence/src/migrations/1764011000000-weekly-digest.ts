import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weekly digest (issue 15): a notification about no single document (`WEEKLY_DIGEST`, document
 * columns null), and one row per government and week once its digest has been stored, which the
 * scheduler and the job handler read so a week goes out once.
 */
export class WeeklyDigest1764011000000 implements MigrationInterface {
  name = 'WeeklyDigest1764011000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_type_check
      CHECK (type IN ('ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED', 'CANCELLED', 'WEEKLY_DIGEST'))`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN document_kind DROP NOT NULL, ALTER COLUMN document_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_document_check
      CHECK ((type = 'WEEKLY_DIGEST') = (document_id IS NULL) AND (document_id IS NULL) = (document_kind IS NULL))`);
    await q.query(`
      CREATE TABLE weekly_digests (
        government_id uuid NOT NULL REFERENCES governments(id),
        week date NOT NULL, -- the Monday
        recipients int NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (government_id, week)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE weekly_digests`);
    await q.query(`DELETE FROM notifications WHERE type = 'WEEKLY_DIGEST'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_document_check`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN document_kind SET NOT NULL, ALTER COLUMN document_id SET NOT NULL`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_type_check
      CHECK (type IN ('ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED', 'CANCELLED'))`);
  }
}
