import { describe, expect, it } from '@jest/globals';
import {
  formatIndonesianDate,
  formatIndonesianDateTime,
  formatIndonesianLocalDate,
  joinIndonesianList,
  timeZoneAbbreviation,
} from './indonesian-format.util.js';
import { addDaysToLocalDate } from './local-date.util.js';

const at = (iso: string): Date => new Date(iso);

describe('Indonesian date formatting', () => {
  it('names every day of the week', () => {
    // Sunday 1 March 2026 to Saturday 7 March 2026.
    const week = Array.from({ length: 7 }, (_, i) => formatIndonesianLocalDate(addDaysToLocalDate('2026-03-01', i), { weekday: true }));
    expect(week).toEqual([
      'Minggu, 1 Maret 2026',
      'Senin, 2 Maret 2026',
      'Selasa, 3 Maret 2026',
      'Rabu, 4 Maret 2026',
      'Kamis, 5 Maret 2026',
      'Jumat, 6 Maret 2026',
      'Sabtu, 7 Maret 2026',
    ]);
  });

  it('names every month', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatIndonesianLocalDate(`2026-${String(i + 1).padStart(2, '0')}-09`));
    expect(months).toEqual([
      '9 Januari 2026',
      '9 Februari 2026',
      '9 Maret 2026',
      '9 April 2026',
      '9 Mei 2026',
      '9 Juni 2026',
      '9 Juli 2026',
      '9 Agustus 2026',
      '9 September 2026',
      '9 Oktober 2026',
      '9 November 2026',
      '9 Desember 2026',
    ]);
  });

  it('formats an instant as a date in the given zone, so the day can differ between zones', () => {
    // 16:30Z on Sunday 1 March is 00:30 Monday in WITA but 23:30 Sunday in WIB.
    expect(formatIndonesianDate(at('2026-03-01T16:30:00Z'), 'Asia/Makassar')).toBe('Senin, 2 Maret 2026');
    expect(formatIndonesianDate(at('2026-03-01T16:30:00Z'), 'Asia/Jakarta')).toBe('Minggu, 1 Maret 2026');
  });

  it('formats date and time with a dotted 24-hour clock and WIB, WITA or WIT', () => {
    const instant = at('2026-03-02T01:00:00Z');
    expect(formatIndonesianDateTime(instant, 'Asia/Makassar')).toBe('Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(formatIndonesianDateTime(instant, 'Asia/Jakarta')).toBe('Senin, 2 Maret 2026 pukul 08.00 WIB');
    expect(formatIndonesianDateTime(instant, 'Asia/Pontianak')).toBe('Senin, 2 Maret 2026 pukul 08.00 WIB');
    expect(formatIndonesianDateTime(instant, 'Asia/Jayapura')).toBe('Senin, 2 Maret 2026 pukul 10.00 WIT');
    expect(formatIndonesianDateTime(at('2026-03-02T07:45:00Z'), 'Asia/Makassar')).toBe('Senin, 2 Maret 2026 pukul 15.45 WITA');
  });

  it('never shows seconds: the time is to the minute', () => {
    expect(formatIndonesianDateTime(at('2026-03-02T01:00:05Z'), 'Asia/Makassar')).toBe('Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(formatIndonesianDateTime(at('2026-03-01T20:12:59.900Z'), 'Asia/Makassar')).toBe('Senin, 2 Maret 2026 pukul 04.12 WITA');
  });

  it('calls zones outside Indonesia by their offset, never WIB/WITA/WIT', () => {
    const instant = at('2026-03-02T01:00:00Z');
    expect(timeZoneAbbreviation('Asia/Singapore', instant)).toBe('UTC+8');
    expect(timeZoneAbbreviation('Asia/Kolkata', instant)).toBe('UTC+5.30');
    expect(timeZoneAbbreviation('America/New_York', instant)).toBe('UTC-5');
    expect(timeZoneAbbreviation('UTC', instant)).toBe('UTC');
    expect(timeZoneAbbreviation('asia/makassar', instant)).toBe('WITA');
  });

  it('joins lists the Indonesian way', () => {
    expect(joinIndonesianList(['A'])).toBe('A');
    expect(joinIndonesianList(['A', 'B'])).toBe('A dan B');
    expect(joinIndonesianList(['A', 'B', 'C'])).toBe('A, B, dan C');
  });
});
