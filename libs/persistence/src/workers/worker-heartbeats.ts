import type { EntityManager } from 'typeorm';

/** A worker process that said it is alive: its id (host:pid), and how long ago (the database's clock) it started, was last seen and last reconciled. */
export interface WorkerHeartbeat {
  workerId: string;
  startedSecondsAgo: number;
  seenSecondsAgo: number;
  /** Since its reconciler last finished a pass; null before its first. */
  reconciledSecondsAgo: number | null;
  reconcileIntervalMs: number;
}

/** What a worker says with each heartbeat. */
export interface WorkerHeartbeatSaid {
  workerId: string;
  startedAt: Date;
  /** Milliseconds since its reconciler last finished a pass, by its own clock; null before its first. */
  reconciledMsAgo: number | null;
  reconcileIntervalMs: number;
}

/** The worker is alive now (the database's clock); workers unseen for a day are forgotten on the way. */
export async function recordWorkerHeartbeat(manager: EntityManager, beat: WorkerHeartbeatSaid): Promise<void> {
  await manager.query(
    `WITH forgotten AS (DELETE FROM worker_heartbeats WHERE seen_at < now() - interval '1 day')
     INSERT INTO worker_heartbeats (worker_id, started_at, seen_at, reconciled_at, reconcile_interval_ms)
     VALUES ($1, $2, now(), now() - make_interval(secs => $3::float8 / 1000), $4)
     ON CONFLICT (worker_id) DO UPDATE SET seen_at = now(), reconciled_at = excluded.reconciled_at, reconcile_interval_ms = excluded.reconcile_interval_ms`,
    [beat.workerId, beat.startedAt, beat.reconciledMsAgo, beat.reconcileIntervalMs],
  );
}

/** A worker that stops on purpose says so, and is not counted alive until its heartbeat would have gone stale. */
export async function forgetWorkerHeartbeat(manager: EntityManager, workerId: string): Promise<void> {
  await manager.query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [workerId]);
}

/** The workers seen within the last hour, the most recently seen first. */
export async function recentWorkerHeartbeats(manager: EntityManager): Promise<WorkerHeartbeat[]> {
  // greatest() skips a NULL: a worker that has not reconciled yet stays null
  const ago = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE greatest(extract(epoch FROM now() - ${column}), 0)::float8 END`;
  return manager.query(
    `SELECT worker_id AS "workerId", ${ago('started_at')} AS "startedSecondsAgo", ${ago('seen_at')} AS "seenSecondsAgo",
            ${ago('reconciled_at')} AS "reconciledSecondsAgo", reconcile_interval_ms AS "reconcileIntervalMs"
       FROM worker_heartbeats WHERE seen_at > now() - interval '1 hour' ORDER BY seen_at DESC`,
  );
}
