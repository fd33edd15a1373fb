import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { explainDeadline } from './deadline-explanation.util.js';
import { addSlaDuration, subtractSlaDuration } from './sla-duration.util.js';
import { parseSlaPolicy, type SlaPolicy } from './sla-policy.js';

export interface DeadlineScheduleInput {
  /** When the document entered the stage. */
  readonly enteredAt: Date;
  readonly policy: SlaPolicy;
  /** The document's government's zone, office hours and holidays (national and its own). */
  readonly calendar: WorkingDayCalendar;
}

export interface DeadlineSchedule {
  readonly dueAt: Date;
  /** `dueAt - remindBefore`, or null when that is not after `enteredAt` (see `computeDeadlineSchedule`). */
  readonly remindAt: Date | null;
  /** `dueAt + escalateAfter`, then every `escalateEvery`: exactly `maxEscalations` instants, ascending. */
  readonly escalations: readonly Date[];
  /** Bahasa Indonesia, e.g. "5 hari kerja, dihitung sejak Senin, 2 Maret 2026 pukul 09.00 WITA; tidak termasuk ...". */
  readonly explanation: string;
}

/**
 * The deadline of a stage entered at `enteredAt` under `policy` (see `SlaPolicy` for how
 * `businessDays` counts, `WorkingDayCalendar` for working-day arithmetic).
 *
 * The reminder is dropped (`remindAt: null`) rather than clamped when `dueAt - remindBefore` is at or
 * before `enteredAt`: a reminder at the moment of entry would only repeat the `ASSIGNED` notice, and
 * the `OVERDUE` notice still follows at `dueAt`; so is one that the next opening would put after
 * `dueAt` (a zero working-time SLA entered at night). Under working days, a reminder or escalation that
 * would fall outside office hours is sent at the next opening; `dueAt` (when `OVERDUE` is marked) is
 * never moved. Throws `InvalidSlaPolicyError` for a bad policy.
 */
export function computeDeadlineSchedule(input: DeadlineScheduleInput): DeadlineSchedule {
  const { enteredAt, calendar } = input;
  const policy = parseSlaPolicy(input.policy);
  const { businessDays } = policy;

  const dueAt = addSlaDuration(enteredAt, policy.duration, businessDays, calendar);
  const inOfficeHours = (at: Date): Date => (businessDays ? calendar.atOrNextOpening(at) : at);
  const remindAt = inOfficeHours(subtractSlaDuration(dueAt, policy.remindBefore, businessDays, calendar));
  const escalations: Date[] = [];
  for (let previous = dueAt; escalations.length < policy.maxEscalations; ) {
    const step = escalations.length === 0 ? policy.escalateAfter : policy.escalateEvery;
    previous = addSlaDuration(previous, step, businessDays, calendar);
    escalations.push(inOfficeHours(previous));
  }
  return {
    dueAt,
    remindAt: remindAt.getTime() > enteredAt.getTime() && remindAt.getTime() <= dueAt.getTime() ? remindAt : null,
    escalations,
    explanation: explainDeadline({ enteredAt, duration: policy.duration, businessDays, calendar }),
  };
}
