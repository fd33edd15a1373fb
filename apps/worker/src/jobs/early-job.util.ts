import { DelayedError } from 'bullmq';
import type { JobContext } from './job-handler.types.js';

/** A job may run this much before its time (clock skew between hosts) and still go out. */
export const EARLY_TOLERANCE_MS = 2000;

/** Whether a job that should go out at `at` came early: before `at`, beyond the tolerance. */
export function isEarly(at: Date, now: Date): boolean {
  return at.getTime() > now.getTime() + EARLY_TOLERANCE_MS;
}

/**
 * A job that came early waits: back to BullMQ's delayed set until `at`, and the DelayedError tells
 * the worker not to complete it (it runs again then, and is checked again).
 */
export async function waitUntil({ job, token }: JobContext, at: Date): Promise<never> {
  await job.moveToDelayed(at.getTime(), token);
  throw new DelayedError();
}
