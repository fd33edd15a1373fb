import { InvalidTimeZoneError } from './calendar.errors.js';
import { epochDayToLocalDate, formatLocalDate, localDateToEpochDay, type LocalDate } from './local-date.util.js';

/** A wall-clock reading in some time zone. */
export interface LocalDateTime {
  readonly date: LocalDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Without this check an undefined zone would silently mean the host's zone.
    if (typeof timeZone !== 'string' || timeZone.trim() === '') throw new InvalidTimeZoneError(timeZone);
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The canonical IANA name of `timeZone` as the runtime's `Intl` knows it
 * (`asia/makassar` -> `Asia/Makassar`); throws `InvalidTimeZoneError` for unknown names.
 */
export function canonicalTimeZone(timeZone: string): string {
  let canonical = canonicalNames.get(timeZone);
  if (canonical === undefined) {
    canonical = formatterFor(timeZone).resolvedOptions().timeZone;
    canonicalNames.set(timeZone, canonical);
  }
  return canonical;
}

/** Zone name as given -> its canonical name (as many entries as `formatters`). */
const canonicalNames = new Map<string, string>();

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Invalid instant: ${String(instant)}`);
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** zone -> hour -> the zone's offset throughout that hour, or null when it changes inside it. */
const offsetsByHour = new Map<string, Map<number, number | null>>();
const MAX_CACHED_HOURS = 100_000;

/**
 * The wall-clock date and time of `instant` in `timeZone`. `Intl` is slow (formatToParts), so the
 * zone's offset is read through it once per hour of time and reused when it is the same at both ends
 * of that hour (always, but for the hour of a DST or zone change, which is read through `Intl` as is).
 * The date is written once per day (`epochDayToLocalDate`), the time of day by arithmetic.
 */
export function toLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  assertInstant(instant);
  const t = instant.getTime();
  const offset = hourOffsetMs(t, timeZone);
  if (offset === null) return intlLocalDateTime(instant, timeZone);
  const wall = t + offset;
  const epochDay = Math.floor(wall / DAY_MS);
  const ms = wall - epochDay * DAY_MS;
  return {
    date: epochDayToLocalDate(epochDay),
    hour: Math.floor(ms / HOUR_MS),
    minute: Math.floor(ms / 60_000) % 60,
    second: Math.floor(ms / 1000) % 60,
    millisecond: ms % 1000,
  };
}

/** The zone's offset throughout the hour holding the instant `t` (read through `Intl` once per hour), or null when it changes inside that hour. */
function hourOffsetMs(t: number, timeZone: string): number | null {
  const hour = Math.floor(t / HOUR_MS);
  let hours = offsetsByHour.get(timeZone);
  if (hours === undefined) {
    formatterFor(timeZone); // an unknown or undefined zone throws here, before it is a key
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    const atStart = intlOffsetMs(new Date(hour * HOUR_MS), timeZone);
    const atEnd = intlOffsetMs(new Date(hour * HOUR_MS + HOUR_MS - 1000), timeZone);
    offset = atStart === atEnd ? atStart : null;
    if (hours.size >= MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  return offset;
}

function intlOffsetMs(instant: Date, timeZone: string): number {
  const local = intlLocalDateTime(instant, timeZone);
  return wallClockAsUtc(local) - (instant.getTime() - local.millisecond);
}

/** The wall-clock reading of `instant` straight from `Intl`. */
function intlLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = fields;
  // Intl does not expose milliseconds through these options; zone offsets are whole seconds.
  const millisecond = ((instant.getTime() % 1000) + 1000) % 1000;
  return { date: formatLocalDate(year, month, day), hour, minute, second, millisecond };
}

/** The zone's offset from UTC at `instant`, in milliseconds (WITA: +8 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  assertInstant(instant);
  return hourOffsetMs(instant.getTime(), timeZone) ?? intlOffsetMs(instant, timeZone);
}

function wallClockAsUtc(local: LocalDateTime): number {
  return localDateToEpochDay(local.date) * DAY_MS + local.hour * HOUR_MS + local.minute * 60_000 + local.second * 1000;
}


/**
 * The instant at which the wall clock in `timeZone` shows `local`.
 *
 * Zone-correct without hard-coded offsets: the offsets in force a day before and a day after are
 * read from `Intl`. A wall-clock time that occurs twice (clocks set back) resolves to the earlier
 * instant; one that does not occur (clocks set forward) is read with the offset before the gap,
 * i.e. moved forward by the gap's length (the `compatible` rule of Temporal and RFC 5545).
 */
export function fromLocalDateTime(local: LocalDateTime, timeZone: string): Date {
  const localAsUtc = wallClockAsUtc(local);
  // the usual case, no zone change within a day either side: both candidates below are one instant
  const steady = Number.isFinite(localAsUtc) ? hourOffsetMs(localAsUtc - DAY_MS, timeZone) : null;
  if (steady !== null && steady === hourOffsetMs(localAsUtc + DAY_MS, timeZone)) return new Date(localAsUtc - steady + local.millisecond);
  const offsetBefore = zoneOffsetMs(new Date(localAsUtc - DAY_MS), timeZone);
  const offsetAfter = zoneOffsetMs(new Date(localAsUtc + DAY_MS), timeZone);
  const candidates = [localAsUtc - offsetBefore, localAsUtc - offsetAfter]
    .filter((utc) => sameWallClock(toLocalDateTime(new Date(utc), timeZone), local))
    .sort((a, b) => a - b);
  const utc = candidates[0] ?? localAsUtc - offsetBefore;
  return new Date(utc + local.millisecond);
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.date === b.date && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

/** The instant of 00:00 of `date` in `timeZone` (the first instant of that day). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return fromLocalDateTime({ date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
