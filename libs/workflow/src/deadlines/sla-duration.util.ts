import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { isIsoDuration, parseIsoDuration, subDayMilliseconds, type IsoDuration } from './iso-duration.util.js';
import type { SlaPolicy } from './sla-policy.js';

/** A week of working days: Monday to Friday. */
export const WORKING_DAYS_PER_WEEK = 5;

/** The day part of a duration: working days when `businessDays`, else calendar days. */
export function slaDayCount(duration: IsoDuration, businessDays: boolean): number {
  return duration.weeks * (businessDays ? WORKING_DAYS_PER_WEEK : 7) + duration.days;
}

/**
 * `from` plus a duration. With `businessDays`: the days end at the close of office on the Nth
 * working day (`WorkingDayCalendar.addWorkingDays`), then hours, minutes and seconds count office
 * hours only (`addOfficeTime`). Otherwise local calendar days, then plain elapsed time.
 */
export function addSlaDuration(from: Date, duration: IsoDuration, businessDays: boolean, calendar: WorkingDayCalendar): Date {
  const days = slaDayCount(duration, businessDays);
  if (businessDays) return calendar.addOfficeTime(calendar.addWorkingDays(from, days), subDayMilliseconds(duration));
  return new Date(calendar.addCalendarDays(from, days).getTime() + subDayMilliseconds(duration));
}

/** The mirror of `addSlaDuration`: first the time is taken off (office time with `businessDays`), then the days. */
export function subtractSlaDuration(from: Date, duration: IsoDuration, businessDays: boolean, calendar: WorkingDayCalendar): Date {
  const days = slaDayCount(duration, businessDays);
  if (businessDays) return calendar.subtractWorkingDays(calendar.subtractOfficeTime(from, subDayMilliseconds(duration)), days);
  return calendar.addCalendarDays(new Date(from.getTime() - subDayMilliseconds(duration)), -days);
}

/**
 * Whether a deadline under this policy falls due at the close of office (working days and nothing
 * smaller), so that "hingga akhir jam kerja" is what it means.
 */
export function endsAtCloseOfOffice(policy: Pick<SlaPolicy, 'duration' | 'businessDays'>): boolean {
  if (policy.businessDays !== true || !isIsoDuration(policy.duration)) return false;
  const duration = parseIsoDuration(policy.duration);
  return slaDayCount(duration, true) > 0 && subDayMilliseconds(duration) === 0;
}
