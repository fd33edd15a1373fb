import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { subDayMilliseconds, type IsoDuration } from './iso-duration.util.js';

/** A week of working days: Monday to Friday. */
export const WORKING_DAYS_PER_WEEK = 5;

/** The day part of a duration: working days when `businessDays`, else calendar days. */
export function slaDayCount(duration: IsoDuration, businessDays: boolean): number {
  return duration.weeks * (businessDays ? WORKING_DAYS_PER_WEEK : 7) + duration.days;
}

/**
 * `from` plus a duration: first the days (working days by `WorkingDayCalendar.addWorkingDays`, or
 * local calendar days), then hours, minutes and seconds as plain elapsed time.
 */
export function addSlaDuration(from: Date, duration: IsoDuration, businessDays: boolean, calendar: WorkingDayCalendar): Date {
  const days = slaDayCount(duration, businessDays);
  const afterDays = businessDays ? calendar.addWorkingDays(from, days) : calendar.addCalendarDays(from, days);
  return new Date(afterDays.getTime() + subDayMilliseconds(duration));
}

/** The mirror of `addSlaDuration`: first the plain time is taken off, then the days. */
export function subtractSlaDuration(from: Date, duration: IsoDuration, businessDays: boolean, calendar: WorkingDayCalendar): Date {
  const days = slaDayCount(duration, businessDays);
  const beforeTime = new Date(from.getTime() - subDayMilliseconds(duration));
  return businessDays ? calendar.subtractWorkingDays(beforeTime, days) : calendar.addCalendarDays(beforeTime, -days);
}
