import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (each with a unique deduplication key, so retries, duplicate jobs and two
 * workers end in one row) and the worker's bookkeeping of which deadline events and target-date
 * reminders have fired (the reconciler re-creates the jobs of those that have not).
 */
export class Notifications1764000005000 implements MigrationInterface {
  name = 'Notifications1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        type text NOT NULL CHECK (type IN ('ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'REMINDER', 'OVERDUE', 'ESCALATION', 'PUBLISHED')),
        document_kind text NOT NULL,
        document_id uuid NOT NULL REFERENCES documents(id),
        title text NOT NULL,
        message text NOT NULL,
        -- e.g. deadline:<deadline id>:REMINDER:1:<username>, outbox:<outbox id>:<username>
        dedup_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        CONSTRAINT uq_notifications_dedup_key UNIQUE (dedup_key)
      )`);
    // "My notifications, newest first" and "my unread ones".
    await q.query(`CREATE INDEX ix_notifications_user_newest ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX ix_notifications_user_unread ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
    // The e-mail sweep looks for recent notifications not yet e-mailed.
    await q.query(`CREATE INDEX ix_notifications_not_emailed ON notifications (created_at) WHERE emailed_at IS NULL`);

    // One row per deadline event that has fired (REMINDER 1, OVERDUE 1, ESCALATION 1..n), whatever the
    // generation: an event fires once even when a holiday change recomputes the deadline afterwards.
    await q.query(`
      CREATE TABLE deadline_events (
        deadline_id uuid NOT NULL REFERENCES deadlines(id) ON DELETE CASCADE,
        event text NOT NULL CHECK (event IN ('REMINDER', 'OVERDUE', 'ESCALATION')),
        sequence int NOT NULL CHECK (sequence >= 1),
        generation int NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (deadline_id, event, sequence)
      )`);
    // The reconciler pages through pending deadlines whose first event is near, soonest first.
    await q.query(
      `CREATE INDEX ix_deadlines_pending_first_event ON deadlines ((COALESCE(remind_at, due_at)), id) WHERE status = 'PENDING'`,
    );

    // A regulation's targetDate reminders (30, 7, 1 days before) that have fired.
    await q.query(`
      CREATE TABLE target_date_reminders (
        document_id uuid NOT NULL REFERENCES documents(id),
        target_date date NOT NULL,
        days_before int NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (document_id, target_date, days_before)
      )`);
    await q.query(`
      CREATE INDEX ix_documents_open_regulation_target ON documents ((content->>'targetDate'), id)
       WHERE kind = 'regulation' AND NOT final AND content->>'targetDate' IS NOT NULL`);

    // Wakes the worker's outbox relay as soon as a transition commits (it also polls).
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('alur_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER trg_outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
    await q.query(`DROP INDEX ix_documents_open_regulation_target`);
    await q.query(`DROP TABLE target_date_reminders`);
    await q.query(`DROP INDEX ix_deadlines_pending_first_event`);
    await q.query(`DROP TABLE deadline_events`);
    await q.query(`DROP TABLE notifications`);
  }
}
