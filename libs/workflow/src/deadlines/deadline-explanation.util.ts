import type { Holiday } from '../calendar/holiday.js';
import {
  formatIndonesianDate,
  formatIndonesianDateTime,
  formatIndonesianLocalDate,
  joinIndonesianList,
} from '../calendar/indonesian-format.util.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import type { IsoDuration } from './iso-duration.util.js';
import { addSlaDuration, slaDayCount } from './sla-duration.util.js';

export interface DeadlineExplanationInput {
  readonly enteredAt: Date;
  readonly duration: IsoDuration;
  readonly businessDays: boolean;
  readonly calendar: WorkingDayCalendar;
}

/**
 * How a deadline was reached, in Bahasa Indonesia, times to the minute in the zone's WIB/WITA/WIT:
 * - working days and office hours count from where counting starts (the entry, or the next opening):
 *   "3 hari kerja, dihitung sejak Rabu, 2 Desember 2026 pukul 07.30 WITA",
 *   "4 jam kerja, dihitung sejak ...", "1 hari kerja dan 2 jam kerja, dihitung sejak ...",
 *   followed by "; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)" for the holidays, on days the
 *   office would open, from the entry date to the due date;
 * - calendar time: "30 hari kalender sejak Senin, 2 Maret 2026", "2 detik sejak Senin, 2 Maret 2026
 *   pukul 09.00 WITA" (with hours, minutes or seconds, or a zero duration, the start has its time).
 */
export function explainDeadline(input: DeadlineExplanationInput): string {
  const { enteredAt, duration, businessDays, calendar } = input;
  const days = slaDayCount(duration, businessDays);
  const timeParts = [
    duration.hours > 0 ? `${duration.hours} jam` : '',
    duration.minutes > 0 ? `${duration.minutes} menit` : '',
    duration.seconds > 0 ? `${duration.seconds} detik` : '',
  ].filter((part) => part !== '');
  if (days === 0 && timeParts.length === 0) return `0 detik sejak ${formatIndonesianDateTime(enteredAt, calendar.timeZone)}`;

  if (!businessDays) {
    const amounts = [...(days > 0 ? [`${days} hari kalender`] : []), ...timeParts].join(' ');
    const since = timeParts.length > 0 ? formatIndonesianDateTime(enteredAt, calendar.timeZone) : formatIndonesianDate(enteredAt, calendar.timeZone);
    return `${amounts} sejak ${since}`;
  }
  const amounts = [...(days > 0 ? [`${days} hari kerja`] : []), ...(timeParts.length > 0 ? [`${timeParts.join(' ')} kerja`] : [])].join(' dan ');
  const since = formatIndonesianDateTime(calendar.atOrNextOpening(enteredAt), calendar.timeZone);
  const text = `${amounts}, dihitung sejak ${since}`;
  const skipped = skippedHolidays(enteredAt, addSlaDuration(enteredAt, duration, true, calendar), calendar);
  return skipped.length > 0 ? `${text}; tidak termasuk ${describeHolidays(skipped)}` : text;
}

/** Holidays on days the office would open, from the entry date through the due date. */
function skippedHolidays(enteredAt: Date, dueAt: Date, calendar: WorkingDayCalendar): readonly Holiday[] {
  const from = calendar.localDateOf(enteredAt);
  const to = calendar.localDateOf(dueAt);
  return calendar.holidaysBetween(from, to).filter((holiday) => !calendar.isClosedWeekday(holiday.date));
}

/** "18 Maret 2026 (Cuti Bersama), 19 Maret 2026 (Hari Suci Nyepi), dan ..."; one date, several names: "(A / B)". */
function describeHolidays(holidays: readonly Holiday[]): string {
  const namesByDate = new Map<string, string[]>();
  for (const holiday of holidays) namesByDate.set(holiday.date, [...(namesByDate.get(holiday.date) ?? []), holiday.name]);
  return joinIndonesianList(
    [...namesByDate].map(([date, names]) => `${formatIndonesianLocalDate(date)} (${names.join(' / ')})`),
  );
}
