import { addDaysToLocalDate, type LocalDate } from '../calendar/local-date.util.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { isoWeekStartOf } from './throughput.util.js';

/** The digest goes out at this local hour. */
export const DIGEST_HOUR = 7;

/**
 * When the weekly digest of the week starting `monday` goes out: Monday 07:00 in the government's
 * zone, or 07:00 of the next working day when Monday is a holiday.
 */
export function digestTimeOf(calendar: WorkingDayCalendar, monday: LocalDate): Date {
  const day = calendar.isWorkingDay(monday) ? monday : calendar.nextWorkingDay(monday);
  return calendar.toInstant({ date: day, hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
}

/**
 * The digest a scheduler should have waiting at `now`: this week's until it has been sent, then next
 * week's. `sent(monday)` says whether a week's digest has gone out.
 */
export function digestToSchedule(calendar: WorkingDayCalendar, now: Date, sentThisWeek: boolean): { week: LocalDate; at: Date } {
  const monday = isoWeekStartOf(now, calendar.timeZone);
  const week = sentThisWeek ? addDaysToLocalDate(monday, 7) : monday;
  return { week, at: digestTimeOf(calendar, week) };
}
