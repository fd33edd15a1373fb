import { addDaysToLocalDate, assertLocalDate, type LocalDate } from '../calendar/local-date.util.js';
import { fromLocalDateTime } from '../calendar/zoned-time.util.js';

/** A regulation's `targetDate` is reminded this many calendar days before (domain.md). */
export const TARGET_DATE_REMINDER_DAYS = Object.freeze([30, 7, 1] as const);

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
