import { deadlineEventJobId, JobName, type JobToAdd } from '#queue';
import { allEventSlots, type DeadlineEvent } from './deadline-events.util.js';

/** The job of one deadline event, delayed until its time (at once when that has passed). */
export function deadlineEventJob(deadline: { id: string; generation: number }, event: DeadlineEvent, nowMs: number): JobToAdd {
  return {
    item: { name: JobName.DeadlineEvent, data: { deadlineId: deadline.id, generation: deadline.generation, event: event.event, sequence: event.sequence } },
    delay: event.at.getTime() - nowMs,
  };
}

/** Ids of every job a deadline of this generation may have in Redis. */
export function deadlineJobIds(deadlineId: string, generation: number, escalationCount: number): string[] {
  return allEventSlots(escalationCount).map((slot) => deadlineEventJobId({ deadlineId, generation, ...slot }));
}
