import type { Holiday } from '../calendar/holiday.js';
import {
  formatIndonesianDate,
  formatIndonesianDateTime,
  formatIndonesianLocalDate,
  joinIndonesianList,
} from '../calendar/indonesian-format.util.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { subDayMilliseconds, type IsoDuration } from './iso-duration.util.js';
import { slaDayCount } from './sla-duration.util.js';

export interface DeadlineExplanationInput {
  readonly enteredAt: Date;
  readonly duration: IsoDuration;
  readonly businessDays: boolean;
  readonly calendar: WorkingDayCalendar;
}

/**
 * How a deadline was reached, in Bahasa Indonesia:
 * - "15 hari kerja sejak Senin, 2 Maret 2026; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)":
 *   the holidays listed are those on weekdays from the start date to the due date, i.e. the ones
 *   that pushed the deadline back; weekends are implied by "hari kerja";
 * - "30 hari kalender sejak Senin, 2 Maret 2026";
 * - "2 detik sejak Senin, 2 Maret 2026 pukul 09.00 WITA": with hours, minutes or seconds (or a zero
 *   duration) the start is given to the minute, in the zone's WIB/WITA/WIT.
 */
export function explainDeadline(input: DeadlineExplanationInput): string {
  const { enteredAt, duration, businessDays, calendar } = input;
  const days = slaDayCount(duration, businessDays);
  const amounts = [
    days > 0 ? `${days} hari ${businessDays ? 'kerja' : 'kalender'}` : '',
    duration.hours > 0 ? `${duration.hours} jam` : '',
    duration.minutes > 0 ? `${duration.minutes} menit` : '',
    duration.seconds > 0 ? `${duration.seconds} detik` : '',
  ].filter((amount) => amount !== '');
  const showTime = days === 0 || subDayMilliseconds(duration) > 0;
  const since = showTime
    ? formatIndonesianDateTime(enteredAt, calendar.timeZone)
    : formatIndonesianDate(enteredAt, calendar.timeZone);
  const text = `${amounts.length > 0 ? amounts.join(' ') : '0 detik'} sejak ${since}`;
  const skipped = businessDays && days > 0 ? skippedHolidays(enteredAt, days, calendar) : [];
  return skipped.length > 0 ? `${text}; tidak termasuk ${describeHolidays(skipped)}` : text;
}

/** Holidays on weekdays from the start date through the date N working days later. */
function skippedHolidays(enteredAt: Date, days: number, calendar: WorkingDayCalendar): readonly Holiday[] {
  const from = calendar.localDateOf(enteredAt);
  const to = calendar.localDateOf(calendar.addWorkingDays(enteredAt, days));
  return calendar.holidaysBetween(from, to).filter((holiday) => !calendar.isWeekend(holiday.date));
}

/** "18 Maret 2026 (Cuti Bersama), 19 Maret 2026 (Hari Suci Nyepi), dan ..."; one date, several names: "(A / B)". */
function describeHolidays(holidays: readonly Holiday[]): string {
  const namesByDate = new Map<string, string[]>();
  for (const holiday of holidays) namesByDate.set(holiday.date, [...(namesByDate.get(holiday.date) ?? []), holiday.name]);
  return joinIndonesianList(
    [...namesByDate].map(([date, names]) => `${formatIndonesianLocalDate(date)} (${names.join(' / ')})`),
  );
}
