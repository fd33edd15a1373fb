import { normalizeHolidays, type Holiday } from './holiday.js';
import { addDaysToLocalDate, assertLocalDate, weekdayOf, type LocalDate } from './local-date.util.js';
import { DEFAULT_OFFICE_HOURS, officeMinutes, type OfficeHours, type OfficeMinutes } from './office-hours.js';
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
  /** The government's office hours per weekday; the national ASN hours when not given. */
  readonly officeHours?: OfficeHours;
}

/** The opening and closing instants of one working day. */
export interface OfficeSpan {
  readonly date: LocalDate;
  readonly opens: Date;
  readonly closes: Date;
}

/** More consecutive days off than this means the holiday list is wrong, not that work stops. */
const MAX_CONSECUTIVE_DAYS_OFF = 366;
/** About 400 years of working days: a bound against runaway loops, far above any SLA. */
const MAX_WORKING_DAYS = 100_000;

/**
 * Hari kerja and jam kerja of one government, in its time zone: a working day is a weekday on which
 * its office opens (Monday to Friday by default) that is not a holiday; office hours are that day's
 * `opens` to `closes`, both included.
 *
 * Counting starts at the stage's entry when the office is open then, else at the next opening
 * (`atOrNextOpening`): a stage entered at night, on a weekend or a holiday counts from the next
 * working day's opening.
 * - `addWorkingDays(from, N)` ends at the close of office on the Nth working day after the day
 *   counting starts: from Wednesday 04.12 (counting from Wednesday 07.30), 3 working days end on
 *   Monday at 16.00; from Thursday 15.59, on Tuesday at 16.00; from Thursday 16.01, on Wednesday.
 * - `addOfficeTime(from, ms)` counts office hours only: 4 hours from Thursday 15.00 end on Friday 10.30.
 * - `subtractWorkingDays` and `subtractOfficeTime` go back the same way (for reminders), and land in
 *   office hours.
 * - N = 0 or 0 ms returns the instant unchanged: a duration of zero adds nothing.
 * Instances are immutable.
 */
export class WorkingDayCalendar {
  readonly timeZone: string;
  readonly holidays: readonly Holiday[];
  readonly officeHours: OfficeHours;
  private readonly minutes: OfficeMinutes;
  private readonly holidaysByDate: ReadonlyMap<LocalDate, readonly Holiday[]>;

  constructor(options: WorkingDayCalendarOptions) {
    this.timeZone = canonicalTimeZone(options.timeZone);
    this.holidays = normalizeHolidays(options.holidays ?? []);
    this.officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
    this.minutes = officeMinutes(this.officeHours);
    const byDate = new Map<LocalDate, Holiday[]>();
    for (const holiday of this.holidays) {
      byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
    }
    this.holidaysByDate = byDate;
  }

  /** The same zone and office hours with another holiday list (e.g. after an ADMIN added or removed one). */
  withHolidays(holidays: readonly Holiday[]): WorkingDayCalendar {
    return new WorkingDayCalendar({ timeZone: this.timeZone, holidays, officeHours: this.officeHours });
  }

  /** The same zone and holidays with other office hours. */
  withOfficeHours(officeHours: OfficeHours): WorkingDayCalendar {
    return new WorkingDayCalendar({ timeZone: this.timeZone, holidays: this.holidays, officeHours });
  }

  /** Whether the office is closed on this weekday whatever the date (Saturday and Sunday by default). */
  isClosedWeekday(date: LocalDate): boolean {
    return this.minutes[weekdayOf(date)] === null;
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
    return !this.isClosedWeekday(date) && !this.isHoliday(date);
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

  /** Opening and closing of `date`, or null when it is not a working day. */
  officeSpanOn(date: LocalDate): OfficeSpan | null {
    if (!this.isWorkingDay(date)) return null;
    const day = this.minutes[weekdayOf(date)]!;
    return { date, opens: this.atMinute(date, day.opens), closes: this.atMinute(date, day.closes) };
  }

  /** Whether the office is open at `at` (opening and closing minute included). */
  isInOfficeHours(at: Date): boolean {
    return this.atOrNextOpening(at).getTime() === at.getTime();
  }

  /** `at` itself when the office is open then, else the next opening: where counting starts. */
  atOrNextOpening(at: Date): Date {
    return new Date(this.startPosition(at).at.getTime());
  }

  /** Close of office on the Nth working day after the day counting starts (see the class comment). */
  addWorkingDays(from: Date, n: number): Date {
    if (assertCount(n) === 0) return new Date(from.getTime());
    const start = this.startPosition(from);
    return this.officeSpanOn(this.moveWorkingDays(start.date, n, 1))!.closes;
  }

  /**
   * N working days before `from`: the same wall-clock time on the Nth working day before, kept
   * inside that day's office hours (an instant outside office hours first goes back to the last close).
   */
  subtractWorkingDays(from: Date, n: number): Date {
    if (assertCount(n) === 0) return new Date(from.getTime());
    const end = this.endPosition(from);
    const span = this.officeSpanOn(this.moveWorkingDays(end.date, n, -1))!;
    const sameClock = this.toInstant({ ...this.toLocalDateTime(end.at), date: span.date });
    return new Date(Math.min(Math.max(sameClock.getTime(), span.opens.getTime()), span.closes.getTime()));
  }

  /** `ms` of office time after `from`, counted from `atOrNextOpening(from)`; a close is never rolled to the next opening. */
  addOfficeTime(from: Date, ms: number): Date {
    let remaining = assertMilliseconds(ms);
    if (remaining === 0) return new Date(from.getTime());
    let { date, at } = this.startPosition(from);
    for (let day = 0; day < MAX_WORKING_DAYS; day += 1) {
      const span = this.officeSpanOn(date)!;
      const available = span.closes.getTime() - at.getTime();
      if (remaining <= available) return new Date(at.getTime() + remaining);
      remaining -= available;
      date = this.nextWorkingDay(date);
      at = this.officeSpanOn(date)!.opens;
    }
    throw new RangeError(`Office time of ${ms} ms spans more than ${MAX_WORKING_DAYS} working days`);
  }

  /** `ms` of office time before `from` (counted back from the last office moment at or before it). */
  subtractOfficeTime(from: Date, ms: number): Date {
    let remaining = assertMilliseconds(ms);
    if (remaining === 0) return new Date(from.getTime());
    let { date, at } = this.endPosition(from);
    for (let day = 0; day < MAX_WORKING_DAYS; day += 1) {
      const span = this.officeSpanOn(date)!;
      const available = at.getTime() - span.opens.getTime();
      if (remaining <= available) return new Date(at.getTime() - remaining);
      remaining -= available;
      date = this.previousWorkingDay(date);
      at = this.officeSpanOn(date)!.closes;
    }
    throw new RangeError(`Office time of ${ms} ms spans more than ${MAX_WORKING_DAYS} working days`);
  }

  /** Office time between two instants, in milliseconds (0 when `to` is not after `from`). */
  officeTimeBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    let { date, at } = this.startPosition(from);
    let total = 0;
    for (let day = 0; day < MAX_WORKING_DAYS && at.getTime() < to.getTime(); day += 1) {
      const span = this.officeSpanOn(date)!;
      total += Math.max(0, Math.min(span.closes.getTime(), to.getTime()) - at.getTime());
      date = this.nextWorkingDay(date);
      at = this.officeSpanOn(date)!.opens;
    }
    return total;
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

  /** `at` if the office is open then, else the next opening, with the working day it belongs to. */
  private startPosition(at: Date): { date: LocalDate; at: Date } {
    const date = this.localDateOf(at);
    const span = this.officeSpanOn(date);
    if (span && at.getTime() <= span.closes.getTime()) {
      return { date, at: at.getTime() < span.opens.getTime() ? span.opens : at };
    }
    const next = this.nextWorkingDay(date);
    return { date: next, at: this.officeSpanOn(next)!.opens };
  }

  /** `at` if the office is open then, else the last close before it, with the working day it belongs to. */
  private endPosition(at: Date): { date: LocalDate; at: Date } {
    const date = this.localDateOf(at);
    const span = this.officeSpanOn(date);
    if (span && at.getTime() >= span.opens.getTime()) {
      return { date, at: at.getTime() > span.closes.getTime() ? span.closes : at };
    }
    const previous = this.previousWorkingDay(date);
    return { date: previous, at: this.officeSpanOn(previous)!.closes };
  }

  /** The instant `minutes` after the local midnight starting `date` (1440: the next midnight). */
  private atMinute(date: LocalDate, minutes: number): Date {
    if (minutes >= 24 * 60) return this.startOfDay(addDaysToLocalDate(date, 1));
    return this.toInstant({ date, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
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

function assertMilliseconds(ms: number): number {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`Office time must be a whole number of milliseconds >= 0, got ${ms}`);
  return ms;
}
