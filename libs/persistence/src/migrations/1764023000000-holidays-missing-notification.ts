import type { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED', 'CANCELLED', 'WEEKLY_DIGEST', 'DELEGATION_GRANTED', 'DELEGATION_REVOKED'`;
const WITHOUT_DOCUMENT = `'WEEKLY_DIGEST', 'DELEGATION_GRANTED', 'DELEGATION_REVOKED'`;

/**
 * HOLIDAYS_MISSING: a province's ADMIN is told with the weekly digest that a year which should have
 * its national holidays has none. About no document.
 */
export class HolidaysMissingNotification1764023000000 implements MigrationInterface {
  name = 'HolidaysMissingNotification1764023000000';

  async up(q: QueryRunner): Promise<void> {
    await replaceChecks(q, `${TYPES}, 'HOLIDAYS_MISSING'`, `${WITHOUT_DOCUMENT}, 'HOLIDAYS_MISSING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE type = 'HOLIDAYS_MISSING'`);
    await replaceChecks(q, TYPES, WITHOUT_DOCUMENT);
  }
}

async function replaceChecks(q: QueryRunner, types: string, withoutDocument: string): Promise<void> {
  await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
  await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN (${types}))`);
  await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_document_check`);
  await q.query(
    `ALTER TABLE notifications ADD CONSTRAINT notifications_document_check
      CHECK ((type IN (${withoutDocument})) = (document_id IS NULL) AND (document_id IS NULL) = (document_kind IS NULL))`,
  );
}
