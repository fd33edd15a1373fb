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
/** Beyond three of its intervals, a reconciler pass is this late: a pass over many deadlines takes a while. */
export const RECONCILE_SLACK_SECONDS = 300;

/** How long a worker may go without finishing a reconciler pass (counted from its start before its first). */
export function reconcileLimitSeconds(reconcileIntervalMs: number): number {
  return (3 * reconcileIntervalMs) / 1000 + RECONCILE_SLACK_SECONDS;
}

export enum WorkerHealthProblem {
  /** No worker process said it was alive in the last WORKER_ALIVE_WITHIN_SECONDS. */
  NoLiveWorker = 'NO_LIVE_WORKER',
  /** A transition's outbox row has waited longer than OUTBOX_LAG_LIMIT_SECONDS. */
  OutboxLagging = 'OUTBOX_LAGGING',
  /**
   * No live worker finished a reconciler pass within `reconcileLimitSeconds`: deadline events further off
   * than the horizon when their stage was entered (most reminders) are queued by such a pass only.
   */
  ReconcilerStalled = 'RECONCILER_STALLED',
}

export interface WorkerHealthInputs {
  outbox: { pending: number; pendingCapped: boolean; oldestPendingSeconds: number | null };
  /** Heartbeats of the workers seen lately, any order. */
  heartbeats: ReadonlyArray<{ seenSecondsAgo: number; startedSecondsAgo: number; reconciledSecondsAgo: number | null; reconcileIntervalMs: number }>;
}

export interface WorkerHealth {
  status: 'ok' | 'late';
  problems: WorkerHealthProblem[];
  liveWorkers: number;
  /** Seconds since any worker was last seen; null when none was seen lately. */
  lastSeenSecondsAgo: number | null;
  outbox: { pending: number; pendingCapped: boolean; oldestPendingSeconds: number | null };
}

/** Whether reminders, escalations and notifications are flowing: a worker alive and the outbox not left waiting. */
export function judgeWorkerHealth({ outbox, heartbeats }: WorkerHealthInputs): WorkerHealth {
  const ages = heartbeats.map((h) => h.seenSecondsAgo);
  const lastSeenSecondsAgo = ages.length > 0 ? Math.min(...ages) : null;
  const live = heartbeats.filter((h) => h.seenSecondsAgo <= WORKER_ALIVE_WITHIN_SECONDS);
  const liveWorkers = live.length;
  const reconciling = live.some((h) => (h.reconciledSecondsAgo ?? h.startedSecondsAgo) <= reconcileLimitSeconds(h.reconcileIntervalMs));
  const problems: WorkerHealthProblem[] = [];
  if (liveWorkers === 0) problems.push(WorkerHealthProblem.NoLiveWorker);
  else if (!reconciling) problems.push(WorkerHealthProblem.ReconcilerStalled);
  if (outbox.oldestPendingSeconds !== null && outbox.oldestPendingSeconds > OUTBOX_LAG_LIMIT_SECONDS) problems.push(WorkerHealthProblem.OutboxLagging);
  return { status: problems.length === 0 ? 'ok' : 'late', problems, liveWorkers, lastSeenSecondsAgo, outbox };
}
