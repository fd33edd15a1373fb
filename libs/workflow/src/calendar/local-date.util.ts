import { InvalidLocalDateError } from './calendar.errors.js';

/** A calendar date without a time or zone, `YYYY-MM-DD` (years 0001-9999). */
export type LocalDate = string;

/** 0 = Sunday ... 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a valid local date; throws `InvalidLocalDateError` otherwise. */
export function localDateToEpochDay(date: LocalDate): number {
  const match = typeof date === 'string' ? LOCAL_DATE.exec(date) : null;
  if (!match) throw new InvalidLocalDateError(date);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  if (year < 1 || utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new InvalidLocalDateError(date);
  }
  return Math.round(utc.getTime() / MS_PER_DAY);
}

export function epochDayToLocalDate(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return formatLocalDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
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
