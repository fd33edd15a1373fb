import type { DeadlineEventKind } from '#queue';

/** A deadline row as the worker reads it. */
export interface DeadlineTimes {
  remindAt: Date | null;
  dueAt: Date;
  escalationTimes: readonly Date[];
  /** `policy.maxEscalations`; the stored times already hold that many, this guards older rows. */
  maxEscalations: number | null;
}

export interface DeadlineEvent {
  event: DeadlineEventKind;
  sequence: number;
  at: Date;
}

/** "REMINDER.1", "ESCALATION.2": how fired events are named in `deadline_events` lookups. */
export const eventKey = (e: Pick<DeadlineEvent, 'event' | 'sequence'>): string => `${e.event}.${e.sequence}`;

/**
 * Every event of a deadline in firing order: the REMINDER at `remindAt` (when there is one), the
 * OVERDUE notice at `dueAt`, then ESCALATION 1..n at the escalation times, n at most maxEscalations.
 */
export function deadlineEventsOf(d: DeadlineTimes): DeadlineEvent[] {
  const events: DeadlineEvent[] = [];
  if (d.remindAt) events.push({ event: 'REMINDER', sequence: 1, at: d.remindAt });
  events.push({ event: 'OVERDUE', sequence: 1, at: d.dueAt });
  const count = d.maxEscalations === null ? d.escalationTimes.length : Math.min(d.escalationTimes.length, Math.max(0, d.maxEscalations));
  for (let i = 0; i < count; i++) events.push({ event: 'ESCALATION', sequence: i + 1, at: d.escalationTimes[i] });
  return events;
}

/** The first event, in firing order, that has not fired; null when all have. */
export function nextUnfiredEvent(d: DeadlineTimes, fired: ReadonlySet<string>): DeadlineEvent | null {
  return deadlineEventsOf(d).find((e) => !fired.has(eventKey(e))) ?? null;
}

/** The event a job names, if the deadline (as it stands now) has it. */
export function findEvent(d: DeadlineTimes, event: DeadlineEventKind, sequence: number): DeadlineEvent | null {
  return deadlineEventsOf(d).find((e) => e.event === event && e.sequence === sequence) ?? null;
}

/** Job ids a deadline of this generation can have (to remove them when the stage is left or recomputed). */
export function allEventSlots(escalationCount: number): Array<{ event: DeadlineEventKind; sequence: number }> {
  const slots: Array<{ event: DeadlineEventKind; sequence: number }> = [
    { event: 'REMINDER', sequence: 1 },
    { event: 'OVERDUE', sequence: 1 },
  ];
  for (let i = 1; i <= escalationCount; i++) slots.push({ event: 'ESCALATION', sequence: i });
  return slots;
}
