import { normalizeHolidays, type Holiday } from './holiday.js';
import { addDaysToLocalDate, assertLocalDate, weekdayOf, type LocalDate } from './local-date.util.js';
import {
  canonicalTimeZone,
  fromLocalDateTime,
  startOfLocalDay,
  toLocalDateTime,
  type LocalDateTime,
} from './zoned-time.util.js';

export interface WorkingDayCalendarOptions {
  /** IANA name, e.g. `Asia/Makassar` (WITA) or `Asia/Jakarta` (WIB). */
  readonly timeZone: string;
  /** National and the government's own holidays and cuti bersama days. */
  readonly holidays?: readonly Holiday[];
}

/** More consecutive days off than this means the holiday list is wrong, not that work stops. */
const MAX_CONSECUTIVE_DAYS_OFF = 366;
/** About 400 years of working days: a bound against runaway loops, far above any SLA. */
const MAX_WORKING_DAYS = 100_000;

/**
 * Hari kerja of one government: Monday to Friday in its time zone, minus its holidays.
 *
 * Instant arithmetic (`addWorkingDays`, `subtractWorkingDays`) works on the zone's wall clock:
 * - from an instant on a working day, N working days later (earlier) is the same wall-clock time
 *   on the Nth working day after (before) that day;
 * - an instant on a weekend or holiday is first moved to 00:00 of the next working day (no working
 *   time passes in between), and the result is 00:00 of the Nth working day after (before) that day.
 *   So 1 working day from Saturday 10:00 is Tuesday 00:00, i.e. all of Monday;
 * - N = 0 returns the instant unchanged, so a duration of zero working days adds nothing.
 * Results of N >= 1 always fall on a working day. Instances are immutable.
 */
export class WorkingDayCalendar {
  readonly timeZone: string;
  readonly holidays: readonly Holiday[];
  private readonly holidaysByDate: ReadonlyMap<LocalDate, readonly Holiday[]>;

  constructor(options: WorkingDayCalendarOptions) {
    this.timeZone = canonicalTimeZone(options.timeZone);
    this.holidays = normalizeHolidays(options.holidays ?? []);
    const byDate = new Map<LocalDate, Holiday[]>();
    for (const holiday of this.holidays) {
      byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
    }
    this.holidaysByDate = byDate;
  }

  /** The same zone with another holiday list (e.g. after an ADMIN added or removed one). */
  withHolidays(holidays: readonly Holiday[]): WorkingDayCalendar {
    return new WorkingDayCalendar({ timeZone: this.timeZone, holidays });
  }

  isWeekend(date: LocalDate): boolean {
    const weekday = weekdayOf(date);
    return weekday === 0 || weekday === 6;
  }

  /** The holidays on `date` (several when, say, a national holiday and a local one coincide). */
  holidaysOn(date: LocalDate): readonly Holiday[] {
    assertLocalDate(date);
    return this.holidaysByDate.get(date) ?? [];
  }

  isHoliday(date: LocalDate): boolean {
    return this.holidaysOn(date).length > 0;
  }

  isWorkingDay(date: LocalDate): boolean {
    return !this.isWeekend(date) && !this.isHoliday(date);
  }

  /** Holidays dated `from` to `to`, both inclusive, by date. */
  holidaysBetween(from: LocalDate, to: LocalDate): readonly Holiday[] {
    assertLocalDate(from);
    assertLocalDate(to);
    return this.holidays.filter((holiday) => holiday.date >= from && holiday.date <= to);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.stepToWorkingDay(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return this.stepToWorkingDay(date, -1);
  }

  /** The Nth working day after `date` (N = 0: `date` itself, working day or not). */
  addWorkingDaysToDate(date: LocalDate, n: number): LocalDate {
    return this.moveWorkingDays(date, assertCount(n), 1);
  }

  /** The Nth working day before `date` (N = 0: `date` itself, working day or not). */
  subtractWorkingDaysFromDate(date: LocalDate, n: number): LocalDate {
    return this.moveWorkingDays(date, assertCount(n), -1);
  }

  /** N working days after `from`; see the class comment for the rules. */
  addWorkingDays(from: Date, n: number): Date {
    return this.moveInstant(from, assertCount(n), 1);
  }

  /** N working days before `from`; the mirror of `addWorkingDays`. */
  subtractWorkingDays(from: Date, n: number): Date {
    return this.moveInstant(from, assertCount(n), -1);
  }

  /**
   * N local calendar days after (N < 0: before) `from`, at the same wall-clock time: a calendar day
   * is a date step, not 24 hours, which matters only in zones with daylight saving time.
   */
  addCalendarDays(from: Date, n: number): Date {
    if (!Number.isInteger(n)) throw new RangeError(`Calendar-day count must be an integer, got ${n}`);
    const local = this.toLocalDateTime(from);
    return n === 0 ? new Date(from.getTime()) : this.toInstant({ ...local, date: addDaysToLocalDate(local.date, n) });
  }

  /** The wall-clock date and time of `instant` in this calendar's zone. */
  toLocalDateTime(instant: Date): LocalDateTime {
    return toLocalDateTime(instant, this.timeZone);
  }

  /** The local date of `instant` in this calendar's zone. */
  localDateOf(instant: Date): LocalDate {
    return this.toLocalDateTime(instant).date;
  }

  /** The instant at which this zone's wall clock shows `local`. */
  toInstant(local: LocalDateTime): Date {
    return fromLocalDateTime(local, this.timeZone);
  }

  /** 00:00 of `date` in this calendar's zone. */
  startOfDay(date: LocalDate): Date {
    return startOfLocalDay(date, this.timeZone);
  }

  private moveInstant(from: Date, n: number, direction: 1 | -1): Date {
    const local = this.toLocalDateTime(from);
    if (n === 0) return new Date(from.getTime());
    if (this.isWorkingDay(local.date)) {
      return this.toInstant({ ...local, date: this.moveWorkingDays(local.date, n, direction) });
    }
    const start = this.nextWorkingDay(local.date);
    return this.startOfDay(this.moveWorkingDays(start, n, direction));
  }

  private moveWorkingDays(date: LocalDate, n: number, direction: 1 | -1): LocalDate {
    let current = date;
    for (let counted = 0; counted < n; counted += 1) current = this.stepToWorkingDay(current, direction);
    return current;
  }

  private stepToWorkingDay(date: LocalDate, direction: 1 | -1): LocalDate {
    let current = date;
    for (let step = 0; step < MAX_CONSECUTIVE_DAYS_OFF; step += 1) {
      current = addDaysToLocalDate(current, direction);
      if (this.isWorkingDay(current)) return current;
    }
    throw new RangeError(`No working day within ${MAX_CONSECUTIVE_DAYS_OFF} days of ${date}: check the holiday list`);
  }
}

function assertCount(n: number): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`Working-day count must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
  }
  return n;
}
