import { deadlineEventJobId, JobName, type JobToAdd } from '#queue';
import type { DeadlineEvent } from './deadline-events.util.js';

/** The job of one deadline event, delayed until its time (at once when that has passed). */
export function deadlineEventJob(deadline: { id: string; generation: number }, event: DeadlineEvent): JobToAdd {
  return {
    item: { name: JobName.DeadlineEvent, data: { deadlineId: deadline.id, generation: deadline.generation, event: event.event, sequence: event.sequence } },
    at: event.at,
  };
}
