import { InvalidLocalDateError } from './calendar.errors.js';

/** A calendar date without a time or zone, `YYYY-MM-DD` (years 0001-9999). */
export type LocalDate = string;

/** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Valid dates already read, and dates already written, by epoch day: a deadline's arithmetic reads the
 * same few dozen dates hundreds of times (weekdays, holidays, day steps), and parsing them was a
 * quarter of its time (bench/RESULTS.md, issue 16). Bounded: cleared when full.
 */
const epochDays = new Map<string, number>();
const localDates = new Map<number, LocalDate>();
const MAX_CACHED_DATES = 20_000;

/** Days since 1970-01-01 of a valid local date; throws `InvalidLocalDateError` otherwise. */
export function localDateToEpochDay(date: LocalDate): number {
  const cached = epochDays.get(date);
  if (cached !== undefined) return cached;
  const match = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (!match) throw new InvalidLocalDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  if (year < 1 || utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new InvalidLocalDateError(date);
  }
  const epochDay = Math.round(utc.getTime() / MS_PER_DAY);
  if (epochDays.size >= MAX_CACHED_DATES) epochDays.clear();
  epochDays.set(date, epochDay);
  return epochDay;
}

export function epochDayToLocalDate(epochDay: number): LocalDate {
  const cached = localDates.get(epochDay);
  if (cached !== undefined) return cached;
  const utc = new Date(epochDay * MS_PER_DAY);
  const date = formatLocalDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
  if (localDates.size >= MAX_CACHED_DATES) localDates.clear();
  localDates.set(epochDay, date);
  return date;
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLocalDate(value: unknown): value is LocalDate {
  try {
    localDateToEpochDay(value as LocalDate);
    return true;
  } catch {
    return false;
  }
}

/** Throws `InvalidLocalDateError` unless `value` is a real `YYYY-MM-DD` date. */
export function assertLocalDate(value: unknown): asserts value is LocalDate {
  localDateToEpochDay(value as LocalDate);
}

export function addDaysToLocalDate(date: LocalDate, days: number): LocalDate {
  return epochDayToLocalDate(localDateToEpochDay(date) + days);
}

export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((localDateToEpochDay(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** Year, month (1-12) and day of a valid local date. */
export function localDateParts(date: LocalDate): { year: number; month: number; day: number } {
  const utc = new Date(localDateToEpochDay(date) * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}
