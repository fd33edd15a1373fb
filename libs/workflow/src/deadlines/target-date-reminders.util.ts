import { addDaysToLocalDate, assertLocalDate, type LocalDate } from '../calendar/local-date.util.js';
import { fromLocalDateTime } from '../calendar/zoned-time.util.js';

/** A regulation's `targetDate` is reminded this many calendar days before (domain.md). */
export const TARGET_DATE_REMINDER_DAYS = Object.freeze([30, 7, 1] as const);

/**
 * The states of a regulation the head of region has signed: it is enacted (ditetapkan), so the
 * `targetDate` by which it had to be enacted is met and no reminder of it is due any more
 * (domain.md: `targetDate` is the date "by which it must be enacted"; penetapan is the signature).
 */
export const ENACTED_REGULATION_STATES = Object.freeze(['promulgation', 'promulgated', 'published'] as const);

/** Whether a regulation in `state` is enacted (signed), its targetDate met. */
export function isEnactedRegulationState(state: string): boolean {
  return (ENACTED_REGULATION_STATES as readonly string[]).includes(state);
}

/** Local hour at which target-date reminders go out: the start of the office day. */
export const TARGET_DATE_REMINDER_HOUR = 8;

export interface TargetDateReminder {
  /** Calendar days before the target date: 30, 7 or 1. */
  readonly daysBefore: number;
  readonly at: Date;
}

/**
 * The reminders for a regulation's `targetDate`: 08:00 in `timeZone` on the calendar days 30, 7 and
 * 1 days before it, earliest first, leaving out those before `now` (one exactly at `now` is kept).
 * Calendar days, not working days: a reminder may fall on a weekend.
 */
export function targetDateReminders(targetDate: LocalDate, timeZone: string, now: Date): TargetDateReminder[] {
  assertLocalDate(targetDate);
  return TARGET_DATE_REMINDER_DAYS.map((daysBefore) => ({
    daysBefore,
    at: fromLocalDateTime(
      { date: addDaysToLocalDate(targetDate, -daysBefore), hour: TARGET_DATE_REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 },
      timeZone,
    ),
  })).filter((reminder) => reminder.at.getTime() >= now.getTime());
}
