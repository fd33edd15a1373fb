import { describe, expect, it } from '@jest/globals';
import { computeDeadlineSchedule, DEFAULT_SLA, isLocalDate, WorkingDayCalendar } from '#workflow';
import { NATIONAL_HOLIDAYS, REGIONAL_HOLIDAYS } from './holiday-data.js';

describe('seeded holidays', () => {
  const all = [...Object.entries(NATIONAL_HOLIDAYS), ...Object.values(REGIONAL_HOLIDAYS).flatMap((years) => Object.entries(years))];

  it('are real dates of their year, one per date and scope, sorted, with names free of parentheses', () => {
    for (const [year, holidays] of all) {
      const dates = holidays.map((h) => h.date);
      expect(dates.every((d) => isLocalDate(d) && d.startsWith(`${year}-`))).toBe(true);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates).toEqual([...dates].sort());
      expect(holidays.every((h) => h.name.trim() === h.name && h.name !== '' && !/[()]/.test(h.name))).toBe(true);
    }
  });

  it('hold the 17 national holidays and 8 cuti bersama days of the 2026 decree', () => {
    const year = NATIONAL_HOLIDAYS[2026]!;
    expect(year.filter((h) => h.name.startsWith('Cuti Bersama')).map((h) => h.date)).toEqual([
      '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
    ]);
    expect(year.filter((h) => !h.name.startsWith('Cuti Bersama'))).toHaveLength(17);
    expect(year.some((h) => h.estimated)).toBe(false);
  });

  it('push a working-day deadline past Lebaran 2026: Nyepi, Idul Fitri and cuti bersama all skipped', () => {
    const calendar = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [...NATIONAL_HOLIDAYS[2026]!] });
    // Monday 16 March 2026 09:00 WITA + 5 working days: 17, (18-24 off), 25, 26, 27, 30 -> Monday 30 March 16.00 WITA.
    const schedule = computeDeadlineSchedule({ enteredAt: new Date('2026-03-16T01:00:00Z'), policy: DEFAULT_SLA['quick-win'].approval, calendar });
    expect(schedule.dueAt.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(schedule.explanation).toBe(
      '5 hari kerja, dihitung sejak Senin, 16 Maret 2026 pukul 09.00 WITA; tidak termasuk 18 Maret 2026 (Cuti Bersama Hari Suci Nyepi), ' +
        '19 Maret 2026 (Hari Suci Nyepi), 20 Maret 2026 (Cuti Bersama Idul Fitri 1447 Hijriah), ' +
        '23 Maret 2026 (Cuti Bersama Idul Fitri 1447 Hijriah), dan 24 Maret 2026 (Cuti Bersama Idul Fitri 1447 Hijriah)',
    );
  });
});
