import { addDaysToLocalDate } from '../calendar/local-date.util.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';

/**
 * How much working time lies between two instants: the parts of [from, to) that fall on working
 * days of `calendar` (its zone's wall-clock days, minus weekends and holidays), in milliseconds:
 * a whole working day counts 24 hours, whatever its office hours. Zero when `to` is not after `from`.
 */
export function workingMillisBetween(calendar: WorkingDayCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  const last = calendar.localDateOf(to);
  let total = 0;
  for (let day = calendar.localDateOf(from); day <= last; day = addDaysToLocalDate(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const start = Math.max(from.getTime(), calendar.startOfDay(day).getTime());
    const end = Math.min(to.getTime(), calendar.startOfDay(addDaysToLocalDate(day, 1)).getTime());
    if (end > start) total += end - start;
  }
  return total;
}

export const WORKING_DAY_MS = 24 * 3_600_000;
