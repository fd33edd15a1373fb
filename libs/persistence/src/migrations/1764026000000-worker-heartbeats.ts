import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each worker process says every few seconds that its outbox relay went round (`GET /health/worker`):
 * without it, a worker that hangs or never started leaves reminders and escalations unsent while
 * every other check is green.
 */
export class WorkerHeartbeats1764026000000 implements MigrationInterface {
  name = 'WorkerHeartbeats1764026000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE worker_heartbeats (
        worker_id text PRIMARY KEY,
        started_at timestamptz NOT NULL,
        seen_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeats`);
  }
}
