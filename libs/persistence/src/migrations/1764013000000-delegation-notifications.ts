import type { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED', 'CANCELLED', 'WEEKLY_DIGEST'`;

/**
 * Notifications about a delegation: the principal and the delegate are told when a delegation is
 * created or revoked (DELEGATION_GRANTED, DELEGATION_REVOKED). Like the weekly digest, such a
 * notification has no document, and neither has the outbox row that asks for it.
 */
export class DelegationNotifications1764013000000 implements MigrationInterface {
  name = 'DelegationNotifications1764013000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_type_check
        CHECK (type IN (${TYPES}, 'DELEGATION_GRANTED', 'DELEGATION_REVOKED'))`,
    );
    // a notification names a document exactly when it is about one
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_document_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_document_check
        CHECK ((type IN ('WEEKLY_DIGEST', 'DELEGATION_GRANTED', 'DELEGATION_REVOKED')) = (document_id IS NULL) AND (document_id IS NULL) = (document_kind IS NULL))`,
    );
    await q.query(`ALTER TABLE outbox ALTER COLUMN document_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox WHERE document_id IS NULL`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN document_id SET NOT NULL`);
    await q.query(`DELETE FROM notifications WHERE type IN ('DELEGATION_GRANTED', 'DELEGATION_REVOKED')`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_document_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_document_check
        CHECK ((type = 'WEEKLY_DIGEST') = (document_id IS NULL) AND (document_id IS NULL) = (document_kind IS NULL))`,
    );
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN (${TYPES}))`);
  }
}
