import type { Holiday } from '../calendar/holiday.js';
import type { OfficeHours } from '../calendar/office-hours.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { computeDeadlineSchedule, type DeadlineSchedule } from './deadline-schedule.js';
import type { SlaPolicy } from './sla-policy.js';

export interface RecomputeScheduleInput {
  /** The original entry into the stage, not the time of the recomputation. */
  readonly enteredAt: Date;
  /** The policy the deadline was created under (a later SLA change applies to new stages only). */
  readonly policy: SlaPolicy;
  readonly timeZone: string;
  /** The holiday list: national and the government's own. */
  readonly holidays: readonly Holiday[];
  /** The government's office hours; the national ASN hours when not given. */
  readonly officeHours?: OfficeHours;
}

/**
 * The schedule a pending deadline should have after a holiday was added or removed or office hours
 * changed: the same computation from the original entry and policy, under the new calendar. Calendar-day
 * policies come out unchanged. Which of its events have already fired is the caller's to track.
 */
export function recomputeSchedule(input: RecomputeScheduleInput): DeadlineSchedule {
  const calendar = new WorkingDayCalendar({ timeZone: input.timeZone, holidays: input.holidays, officeHours: input.officeHours });
  return computeDeadlineSchedule({ enteredAt: input.enteredAt, policy: input.policy, calendar });
}

/**
 * Whether a stored schedule differs from a recomputed one: any instant (due, reminder, each
 * escalation) or the explanation, which also changes when a skipped holiday is renamed.
 */
export function needsRecompute(previous: DeadlineSchedule, next: DeadlineSchedule): boolean {
  return (
    !sameInstant(previous.dueAt, next.dueAt) ||
    !sameInstant(previous.remindAt, next.remindAt) ||
    previous.escalations.length !== next.escalations.length ||
    previous.escalations.some((at, index) => !sameInstant(at, next.escalations[index] ?? null)) ||
    previous.explanation !== next.explanation
  );
}

function sameInstant(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}
