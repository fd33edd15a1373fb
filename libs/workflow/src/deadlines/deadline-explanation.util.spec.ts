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
  it('names the working days, the start and the holiday skipped (Nyepi)', () => {
    expect(explain('P15D')).toBe('15 hari kerja sejak Senin, 2 Maret 2026; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)');
  });

  it('lists no holiday that lies after the deadline', () => {
    expect(explain('P5D')).toBe('5 hari kerja sejak Senin, 2 Maret 2026');
  });

  it('lists several holidays and names sharing a date, but not a holiday on a weekend', () => {
    const calendar = wita.withHolidays([
      { date: '2026-03-18', name: 'Cuti Bersama Hari Suci Nyepi' },
      NYEPI,
      { date: '2026-03-21', name: 'Hari Raya Idul Fitri' }, // a Saturday: the weekend is off anyway
      { date: '2026-03-23', name: 'Cuti Bersama Idul Fitri' },
      { date: '2026-03-23', name: 'Hari Jadi Kota Contoh' },
    ]);
    expect(explain('P10D', true, new Date('2026-03-09T01:00:00Z'), calendar)).toBe(
      '10 hari kerja sejak Senin, 9 Maret 2026; tidak termasuk 18 Maret 2026 (Cuti Bersama Hari Suci Nyepi), ' +
        '19 Maret 2026 (Hari Suci Nyepi), dan 23 Maret 2026 (Cuti Bersama Idul Fitri / Hari Jadi Kota Contoh)',
    );
  });

  it('lists the holiday the stage was entered on, since counting starts after it', () => {
    expect(explain('P1D', true, new Date('2026-03-19T02:00:00Z'))).toBe(
      '1 hari kerja sejak Kamis, 19 Maret 2026; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)',
    );
  });

  it('counts weeks as working days', () => {
    expect(explain('P3W')).toBe('15 hari kerja sejak Senin, 2 Maret 2026; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)');
  });

  it('speaks of calendar days and lists no holidays for calendar policies', () => {
    expect(explain('P30D', false)).toBe('30 hari kalender sejak Senin, 2 Maret 2026');
    expect(explain('P2W', false)).toBe('14 hari kalender sejak Senin, 2 Maret 2026');
  });

  it('gives the start to the minute, in the local zone, for durations with hours, minutes or seconds', () => {
    expect(explain('PT2S')).toBe('2 detik sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(explain('PT1H30M')).toBe('1 jam 30 menit sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(explain('P1DT2H', false)).toBe('1 hari kalender 2 jam sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    expect(explain('PT0S')).toBe('0 detik sejak Senin, 2 Maret 2026 pukul 09.00 WITA');
    const wib = new WorkingDayCalendar({ timeZone: 'Asia/Jakarta' });
    expect(explain('PT30S', true, MONDAY_2_MARCH_0900_WITA, wib)).toBe('30 detik sejak Senin, 2 Maret 2026 pukul 08.00 WIB');
  });
});
