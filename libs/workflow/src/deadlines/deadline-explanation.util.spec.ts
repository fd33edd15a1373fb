import { describe, expect, it } from '@jest/globals';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { explainDeadline } from './deadline-explanation.util.js';
import { parseIsoDuration } from './iso-duration.util.js';

const NYEPI = { date: '2026-03-19', name: 'Hari Suci Nyepi' };
const wita = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [NYEPI] });
const MONDAY_2_MARCH_0900_WITA = new Date('2026-03-02T01:00:00Z');

const explain = (duration: string, businessDays = true, enteredAt = MONDAY_2_MARCH_0900_WITA, calendar = wita): string =>
  explainDeadline({ enteredAt, duration: parseIsoDuration(duration), businessDays, calendar });

describe('explainDeadline', () => {
  it('counts working days from the next opening, to the minute: Wednesday 04.12 reads 07.30', () => {
    expect(explain('P3D', true, new Date('2026-12-01T20:12:11Z'))).toBe('3 hari kerja, dihitung sejak Rabu, 2 Desember 2026 pukul 07.30 WITA');
  });

  it('counts from the entry itself in office hours, never with seconds', () => {
    expect(explain('P5D', true, new Date('2026-03-02T01:00:42Z'))).toBe('5 hari kerja, dihitung sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
  });

  it('names the working days, the start and the holiday skipped (Nyepi)', () => {
    expect(explain('P15D')).toBe('15 hari kerja, dihitung sejak Senin, 2 Maret 2026 pukul 09.00 WITA; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)');
  });

  it('lists several holidays and names sharing a date, but not a holiday on a day the office is closed anyway', () => {
    const calendar = wita.withHolidays([
      { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi' },
      NYEPI,
      { date: '2026-03-21', name: 'Hari Raya Idul Fitri' }, // a Saturday: the weekend is off anyway
      { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri' },
      { date: '2026-03-23', name: 'Hari Jadi Kota Contoh' },
    ]);
    expect(explain('P10D', true, new Date('2026-03-09T01:00:00Z'), calendar)).toBe(
      '10 hari kerja, dihitung sejak Senin, 9 Maret 2026 pukul 09.00 WITA; tidak termasuk 18 Maret 2026 (Cuti Bersama Hari Suci Nyepi), ' +
        '19 Maret 2026 (Hari Suci Nyepi), dan 23 Maret 2026 (Cuti Bersama Idul Fitri / Hari Jadi Kota Contoh)',
    );
  });

  it('names the holiday that moved the start: entered after closing the day before Nyepi', () => {
    expect(explain('P1D', true, new Date('2026-03-18T09:00:00Z'))).toBe(
      '1 hari kerja, dihitung sejak Jumat, 20 Maret 2026 pukul 07.30 WITA; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)',
    );
  });

  it('counts weeks as working days', () => {
    expect(explain('P3W')).toBe('15 hari kerja, dihitung sejak Senin, 2 Maret 2026 pukul 09.00 WITA; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)');
  });

  it('speaks of office hours for working-time durations in hours, minutes or seconds', () => {
    const thursday15 = new Date('2026-12-03T07:00:00Z');
    expect(explain('PT4H', true, thursday15)).toBe('4 jam kerja, dihitung sejak Kamis, 3 Desember 2026 pukul 15.00 WITA');
    expect(explain('PT1H30M', true, thursday15)).toBe('1 jam 30 menit kerja, dihitung sejak Kamis, 3 Desember 2026 pukul 15.00 WITA');
    expect(explain('P1DT2H', true, thursday15)).toBe('1 hari kerja dan 2 jam kerja, dihitung sejak Kamis, 3 Desember 2026 pukul 15.00 WITA');
    expect(explain('PT2S', true, new Date('2026-12-05T02:00:00Z'))).toBe('2 detik kerja, dihitung sejak Senin, 7 Desember 2026 pukul 07.30 WITA');
  });

  it('speaks of calendar days and lists no holidays for calendar policies', () => {
    expect(explain('P30D', false)).toBe('30 hari kalender sejak Senin, 2 Maret 2026');
    expect(explain('P2W', false)).toBe('14 hari kalender sejak Senin, 2 Maret 2026');
  });

  it('gives calendar time from the entry itself, day or night, to the minute in the local zone', () => {
    const saturdayNight = new Date('2026-03-07T15:00:30Z'); // 23.00.30 WITA
    expect(explain('PT2S', false, saturdayNight)).toBe('2 detik sejak Sabtu, 7 Maret 2026 pukul 23.00 WITA');
    expect(explain('PT1H30M', false)).toBe('1 jam 30 menit sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(explain('P1DT2H', false)).toBe('1 hari kalender 2 jam sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(explain('PT0S')).toBe('0 detik sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    const wib = new WorkingDayCalendar({ timeZone: 'Asia/Jakarta' });
    expect(explain('PT30S', false, MONDAY_2_MARCH_0900_WITA, wib)).toBe('30 detik sejak Senin, 2 Maret 2026 pukul 08.00 WIB');
  });
});
