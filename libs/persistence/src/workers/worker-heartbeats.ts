import type { EntityManager } from 'typeorm';

/** A worker process that said it is alive: its id (host:pid), when it started, how long ago it was last seen. */
export interface WorkerHeartbeat {
  workerId: string;
  startedAt: Date;
  /** By the database's clock, so the API's and the worker's clocks need not agree. */
  seenSecondsAgo: number;
}

/** The worker `workerId` is alive now (the database's clock); workers unseen for a day are forgotten on the way. */
export async function recordWorkerHeartbeat(manager: EntityManager, workerId: string, startedAt: Date): Promise<void> {
  await manager.query(
    `WITH forgotten AS (DELETE FROM worker_heartbeats WHERE seen_at < now() - interval '1 day')
     INSERT INTO worker_heartbeats (worker_id, started_at, seen_at) VALUES ($1, $2, now())
     ON CONFLICT (worker_id) DO UPDATE SET seen_at = now()`,
    [workerId, startedAt],
  );
}

/** A worker that stops on purpose says so, and is not counted alive until its heartbeat would have gone stale. */
export async function forgetWorkerHeartbeat(manager: EntityManager, workerId: string): Promise<void> {
  await manager.query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [workerId]);
}

/** The workers seen within the last hour, the most recently seen first. */
export async function recentWorkerHeartbeats(manager: EntityManager): Promise<WorkerHeartbeat[]> {
  const rows: Array<{ workerId: string; startedAt: Date; seenSecondsAgo: number }> = await manager.query(
    `SELECT worker_id AS "workerId", started_at AS "startedAt", greatest(extract(epoch FROM now() - seen_at), 0)::float8 AS "seenSecondsAgo"
       FROM worker_heartbeats WHERE seen_at > now() - interval '1 hour' ORDER BY seen_at DESC`,
  );
  return rows;
}
