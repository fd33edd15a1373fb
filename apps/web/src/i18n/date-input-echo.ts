import { formatIndonesianLocalDate, timeZoneAbbreviation } from '@workflow/calendar/indonesian-format.util.js';
import { isLocalDate } from '@workflow/calendar/local-date.util.js';
import { fromLocalDateTime } from '@workflow/calendar/zoned-time.util.js';
import { monthText } from './words';

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/**
 * What a date or date-and-time field holds, in words: "Selasa, 1 Desember 2026", or with a time
 * "Selasa, 1 Desember 2026 pukul 08.00 WITA" in the government's zone. The browser draws the field in its
 * own locale's order (12/01/2026 on an English system), so the words say which day was chosen.
 * Empty for an empty or unfinished value.
 */
export function dateInputEcho(value: string, timeZone: string): string {
  if (isLocalDate(value)) return formatIndonesianLocalDate(value, { weekday: true });
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m || !isLocalDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return '';
  const instant = fromLocalDateTime({ date: m[1], hour: Number(m[2]), minute: Number(m[3]), second: 0, millisecond: 0 }, timeZone);
  return `${formatIndonesianLocalDate(m[1], { weekday: true })} pukul ${m[2]}.${m[3]} ${timeZoneAbbreviation(timeZone, instant)}`;
}

/**
 * What a month field holds, in words: "Maret 2026". Firefox and Safari draw `type="month"` as a plain text
 * box, where the reader types 2026-03 with nothing to confirm it; Chromium draws it in its own locale.
 * Empty for an empty or unfinished value.
 */
export function monthInputEcho(value: string): string {
  return monthText(value) ?? '';
}
