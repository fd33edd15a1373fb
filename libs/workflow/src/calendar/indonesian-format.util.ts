import { localDateParts, weekdayOf, type LocalDate } from './local-date.util.js';
import { canonicalTimeZone, toLocalDateTime, zoneOffsetMs } from './zoned-time.util.js';

/** Indexed by `Weekday` (0 = Sunday). */
export const INDONESIAN_DAY_NAMES = Object.freeze(['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const);

/** Indexed by month - 1. */
export const INDONESIAN_MONTH_NAMES = Object.freeze([
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const);

const INDONESIAN_ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = Object.freeze({
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
});

/**
 * WIB, WITA or WIT for Indonesia's zones; elsewhere the offset in force at `instant`, e.g.
 * `UTC+8`, `UTC+5.30`, `UTC` (a zone outside Indonesia is never called WITA for sharing its offset).
 */
export function timeZoneAbbreviation(timeZone: string, instant: Date = new Date()): string {
  const abbreviation = INDONESIAN_ZONE_ABBREVIATIONS[timeZone] ?? INDONESIAN_ZONE_ABBREVIATIONS[canonicalTimeZone(timeZone)];
  if (abbreviation) return abbreviation;
  const offsetMinutes = Math.round(zoneOffsetMs(instant, timeZone) / 60_000);
  if (offsetMinutes === 0) return 'UTC';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${hours}${minutes === 0 ? '' : `.${String(minutes).padStart(2, '0')}`}`;
}

/** "19 Maret 2026", or with `weekday` "Kamis, 19 Maret 2026". */
export function formatIndonesianLocalDate(date: LocalDate, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = localDateParts(date);
  const text = `${day} ${INDONESIAN_MONTH_NAMES[month - 1]} ${year}`;
  return options.weekday ? `${INDONESIAN_DAY_NAMES[weekdayOf(date)]}, ${text}` : text;
}

/** The local date of `instant` in `timeZone`, with its day name: "Senin, 2 Maret 2026". */
export function formatIndonesianDate(instant: Date, timeZone: string): string {
  return formatIndonesianLocalDate(toLocalDateTime(instant, timeZone).date, { weekday: true });
}

/**
 * "Senin, 2 Maret 2026 pukul 09.00 WITA": 24-hour clock with a dot, as Indonesian usage has it, to
 * the minute: seconds are never shown (09.00.59 reads 09.00).
 */
export function formatIndonesianDateTime(instant: Date, timeZone: string): string {
  const local = toLocalDateTime(instant, timeZone);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const date = formatIndonesianLocalDate(local.date, { weekday: true });
  return `${date} pukul ${pad(local.hour)}.${pad(local.minute)} ${timeZoneAbbreviation(timeZone, instant)}`;
}

/** "A", "A dan B", "A, B, dan C". */
export function joinIndonesianList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' dan ');
  return `${items.slice(0, -1).join(', ')}, dan ${items[items.length - 1]}`;
}
