import { deadlineEventJobId, JobName, type JobToAdd } from '#queue';
import type { DeadlineEvent } from './deadline-events.util.js';

/** The job of one deadline event, delayed until its time (at once when that has passed). */
export function deadlineEventJob(deadline: { id: string; generation: number }, event: DeadlineEvent): JobToAdd {
  return {
    item: { name: JobName.DeadlineEvent, data: { deadlineId: deadline.id, generation: deadline.generation, event: event.event, sequence: event.sequence } },
    at: event.at,
  };
}

/** The shortest horizon: events due within it are queued in Redis. */
export const MIN_HORIZON_MS = 60 * 60 * 1000;
/** How far two worker processes' clocks may disagree about "now" when one asks whether the other queued a job. */
export const QUEUE_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Deadline events wait in Redis only when due within this much from now (three reconciler passes, an hour
 * at least); a later one waits in PostgreSQL until the reconciler's pass that finds it within it. A stage
 * lasts days, so most transitions queue nothing and remove nothing: Redis carries only what is near.
 */
export function jobHorizonMs(reconcileIntervalMs: number): number {
  return Math.max(3 * reconcileIntervalMs, MIN_HORIZON_MS);
}

/** Whether the job of an event at `at` is queued now (else a reconciler pass queues it in time). */
export function queuedNow(at: Date, now: Date, reconcileIntervalMs: number): boolean {
  return at.getTime() <= now.getTime() + jobHorizonMs(reconcileIntervalMs);
}

/**
 * Whether the job of an event at `at` may already wait in Redis: whoever queued it did so within their
 * horizon at a moment no later than now. A job left behind only runs to find its deadline closed.
 */
export function mayBeQueued(at: Date, now: Date, reconcileIntervalMs: number): boolean {
  return at.getTime() <= now.getTime() + jobHorizonMs(reconcileIntervalMs) + QUEUE_CLOCK_SKEW_MS;
}
