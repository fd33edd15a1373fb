import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paraf koordinasi by the OPDs concerned: in `coordination.agencies` each participating unit has a
 * deadline of its own (`participant_unit_id`, and `unit_id` set to that unit so its head's inbox
 * reads it off the inbox index). A document still has at most one pending deadline per participant
 * (NULL: the stage's only one). Released participants are told with a `CANCELLED` notification.
 */
export class CoordinationParticipants1764006000000 implements MigrationInterface {
  name = 'CoordinationParticipants1764006000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN participant_unit_id uuid REFERENCES units(id)`);
    await q.query(`DROP INDEX uq_deadlines_one_pending`);
    await q.query(`CREATE UNIQUE INDEX uq_deadlines_one_pending ON deadlines (document_id) WHERE status = 'PENDING' AND participant_unit_id IS NULL`);
    await q.query(
      `CREATE UNIQUE INDEX uq_deadlines_one_pending_participant ON deadlines (document_id, participant_unit_id)
        WHERE status = 'PENDING' AND participant_unit_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_type_check
        CHECK (type IN ('ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED', 'CANCELLED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE type = 'CANCELLED'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_type_check`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_type_check
        CHECK (type IN ('ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED'))`,
    );
    await q.query(`DROP INDEX uq_deadlines_one_pending_participant`);
    await q.query(`DROP INDEX uq_deadlines_one_pending`);
    await q.query(`UPDATE deadlines SET status = 'CANCELLED', closed_at = now() WHERE participant_unit_id IS NOT NULL AND status = 'PENDING'`);
    await q.query(`CREATE UNIQUE INDEX uq_deadlines_one_pending ON deadlines (document_id) WHERE status = 'PENDING'`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN participant_unit_id`);
  }
}
