import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '#queue';

/** What a handler gets beside its payload: the BullMQ job and its lock token (to postpone it). */
export interface JobContext {
  job: Job;
  token?: string;
}

export type JobHandlerFn<N extends JobName = JobName> = (data: JobPayloads[N], context: JobContext) => Promise<unknown>;

export class MissingJobHandlerError extends Error {
  override readonly name = 'MissingJobHandlerError';
}
