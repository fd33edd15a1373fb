import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A worker's heartbeat also says how long ago its reconciler last finished a pass, and how often it runs one:
 * reminders due later than the reconciler's horizon are queued only by such a pass.
 */
export class WorkerHeartbeatsReconciled1764027000000 implements MigrationInterface {
  name = 'WorkerHeartbeatsReconciled1764027000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE worker_heartbeats ADD COLUMN reconciled_at timestamptz, ADD COLUMN reconcile_interval_ms integer NOT NULL DEFAULT 60000`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE worker_heartbeats DROP COLUMN reconciled_at, DROP COLUMN reconcile_interval_ms`);
  }
}
