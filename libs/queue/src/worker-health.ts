/**
 * What the worker processes and the API agree on about the worker's health: how often a worker says it
 * is alive (after a round of its outbox relay), when it counts as gone, and how long a transition may
 * wait for the relay before reminders and notifications are said to be late.
 */
export const WORKER_HEARTBEAT_EVERY_MS = 5_000;
/** Six heartbeats missed. */
export const WORKER_ALIVE_WITHIN_SECONDS = 30;
/** The relay takes a row within a second when it runs (bench/RESULTS.md 1-2: 0.03-0.27 s behind at saturation). */
export const OUTBOX_LAG_LIMIT_SECONDS = 60;

export enum WorkerHealthProblem {
  /** No worker process said it was alive in the last WORKER_ALIVE_WITHIN_SECONDS. */
  NoLiveWorker = 'NO_LIVE_WORKER',
  /** A transition's outbox row has waited longer than OUTBOX_LAG_LIMIT_SECONDS. */
  OutboxLagging = 'OUTBOX_LAGGING',
}

export interface WorkerHealthInputs {
  outbox: { pending: number; oldestPendingSeconds: number | null };
  /** Heartbeats of the workers seen lately, any order. */
  heartbeats: ReadonlyArray<{ seenSecondsAgo: number }>;
}

export interface WorkerHealth {
  status: 'ok' | 'late';
  problems: WorkerHealthProblem[];
  liveWorkers: number;
  /** Seconds since any worker was last seen; null when none was seen lately. */
  lastSeenSecondsAgo: number | null;
  outbox: { pending: number; oldestPendingSeconds: number | null };
}

/** Whether reminders, escalations and notifications are flowing: a worker alive and the outbox not left waiting. */
export function judgeWorkerHealth({ outbox, heartbeats }: WorkerHealthInputs): WorkerHealth {
  const ages = heartbeats.map((h) => h.seenSecondsAgo);
  const lastSeenSecondsAgo = ages.length > 0 ? Math.min(...ages) : null;
  const liveWorkers = ages.filter((age) => age <= WORKER_ALIVE_WITHIN_SECONDS).length;
  const problems: WorkerHealthProblem[] = [];
  if (liveWorkers === 0) problems.push(WorkerHealthProblem.NoLiveWorker);
  if (outbox.oldestPendingSeconds !== null && outbox.oldestPendingSeconds > OUTBOX_LAG_LIMIT_SECONDS) problems.push(WorkerHealthProblem.OutboxLagging);
  return { status: problems.length === 0 ? 'ok' : 'late', problems, liveWorkers, lastSeenSecondsAgo, outbox };
}
