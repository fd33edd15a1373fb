import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidLocalDateError, InvalidTimeZoneError } from './calendar.errors.js';
import { addDaysToLocalDate } from './local-date.util.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const NYEPI = { date: '2026-03-19', name: 'Hari Suci Nyepi' };
const NEW_YEAR_2027 = { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' };
const wita = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [NYEPI, NEW_YEAR_2027] });
const wib = new WorkingDayCalendar({ timeZone: 'Asia/Jakarta', holidays: [NYEPI, NEW_YEAR_2027] });
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

describe('WorkingDayCalendar', () => {
  describe('working days', () => {
    it('works Monday to Friday', () => {
      expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => wita.isWorkingDay(d))).toEqual([
        true, true, true, true, true,
      ]);
    });

    it('rests on Saturday and Sunday', () => {
      expect(wita.isWorkingDay('2026-03-07')).toBe(false);
      expect(wita.isWorkingDay('2026-03-08')).toBe(false);
      expect(wita.isWeekend('2026-03-07')).toBe(true);
    });

    it('rests on holidays', () => {
      expect(wita.isHoliday('2026-03-19')).toBe(true);
      expect(wita.isWorkingDay('2026-03-19')).toBe(false);
      expect(wita.holidaysOn('2026-03-19')).toEqual([NYEPI]);
      expect(new WorkingDayCalendar({ timeZone: 'Asia/Makassar' }).isWorkingDay('2026-03-19')).toBe(true);
    });

    it('finds the next and previous working day over weekends and holidays', () => {
      expect(wita.nextWorkingDay('2026-03-18')).toBe('2026-03-20');
      expect(wita.nextWorkingDay('2026-03-06')).toBe('2026-03-09');
      expect(wita.previousWorkingDay('2026-03-20')).toBe('2026-03-18');
      expect(wita.previousWorkingDay('2026-03-09')).toBe('2026-03-06');
    });

    it('counts working days on local dates', () => {
      expect(wita.addWorkingDaysToDate('2026-03-16', 4)).toBe('2026-03-23');
      expect(wita.subtractWorkingDaysFromDate('2026-03-23', 4)).toBe('2026-03-16');
      expect(wita.addWorkingDaysToDate('2026-03-07', 0)).toBe('2026-03-07');
    });

    it('lists holidays between two dates, both inclusive', () => {
      expect(wita.holidaysBetween('2026-03-19', '2027-01-01')).toEqual([NYEPI, NEW_YEAR_2027]);
      expect(wita.holidaysBetween('2026-03-20', '2026-12-31')).toEqual([]);
    });

    it('validates its input and normalises holidays', () => {
      expect(() => new WorkingDayCalendar({ timeZone: 'Mars/Olympus' })).toThrow(InvalidTimeZoneError);
      expect(() => new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [{ date: '2026-02-30', name: 'x' }] })).toThrow(
        InvalidLocalDateError,
      );
      expect(() => new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [{ date: '2026-03-19', name: ' ' }] })).toThrow(
        TypeError,
      );
      const calendar = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [NEW_YEAR_2027, NYEPI, { ...NYEPI, name: ' Hari Suci Nyepi ' }] });
      expect(calendar.holidays).toEqual([NYEPI, NEW_YEAR_2027]);
    });

    it('refuses to search forever when every day is a holiday', () => {
      const holidays = Array.from({ length: 400 }, (_, i) => ({ date: addDaysToLocalDate('2026-01-01', i), name: 'Libur' }));
      const calendar = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays });
      expect(() => calendar.nextWorkingDay('2026-01-01')).toThrow(RangeError);
    });

    it('gives a copy with another holiday list and leaves the original alone', () => {
      const withoutNyepi = wita.withHolidays([]);
      expect(withoutNyepi.isWorkingDay('2026-03-19')).toBe(true);
      expect(withoutNyepi.timeZone).toBe('Asia/Makassar');
      expect(wita.isWorkingDay('2026-03-19')).toBe(false);
    });
  });

  describe('addWorkingDays', () => {
    it('lands on the same wall-clock time N working days later, skipping the weekend', () => {
      // Friday 6 March 2026, 10:00 WITA + 1 -> Monday 9 March, 10:00 WITA.
      expect(iso(wita.addWorkingDays(at('2026-03-06T02:00:00Z'), 1))).toBe('2026-03-09T02:00:00.000Z');
      // Monday 2 March 09:00 WITA + 5 -> Monday 9 March 09:00 WITA.
      expect(iso(wita.addWorkingDays(at('2026-03-02T01:00:00Z'), 5))).toBe('2026-03-09T01:00:00.000Z');
    });

    it('skips holidays', () => {
      // Wednesday 18 March 10:00 WITA + 1 -> Friday 20 March (Nyepi on Thursday).
      expect(iso(wita.addWorkingDays(at('2026-03-18T02:00:00Z'), 1))).toBe('2026-03-20T02:00:00.000Z');
    });

    it('crosses the year with New Year as a holiday', () => {
      // Wednesday 30 December 2026 10:00 WITA + 2 -> Thursday 31, (Friday 1 Jan off, weekend) Monday 4 January 2027.
      expect(iso(wita.addWorkingDays(at('2026-12-30T02:00:00Z'), 2))).toBe('2027-01-04T02:00:00.000Z');
      expect(iso(wita.withHolidays([]).addWorkingDays(at('2026-12-30T02:00:00Z'), 2))).toBe('2027-01-01T02:00:00.000Z');
    });

    it('from a Saturday counts from 00:00 of Monday: 1 working day ends Tuesday 00:00', () => {
      // Saturday 7 March 2026, 10:00 WITA.
      expect(iso(wita.addWorkingDays(at('2026-03-07T02:00:00Z'), 1))).toBe('2026-03-09T16:00:00.000Z');
      expect(iso(wita.addWorkingDays(at('2026-03-07T02:00:00Z'), 3))).toBe('2026-03-11T16:00:00.000Z');
    });

    it('from a holiday counts from the next working day', () => {
      // Nyepi, Thursday 19 March 10:00 WITA + 1 -> Monday 23 March 00:00 WITA (all of Friday 20 March).
      expect(iso(wita.addWorkingDays(at('2026-03-19T02:00:00Z'), 1))).toBe('2026-03-22T16:00:00.000Z');
    });

    it('returns the instant itself for 0 working days, even on a weekend', () => {
      expect(iso(wita.addWorkingDays(at('2026-03-07T02:00:00Z'), 0))).toBe('2026-03-07T02:00:00.000Z');
    });

    it('reads working days in its own zone: WITA and WIB differ for the same instant and the same wall clock', () => {
      // Friday 6 March 16:30Z is Saturday 00:30 WITA but still Friday 23:30 WIB.
      const lateFriday = at('2026-03-06T16:30:00Z');
      expect(iso(wita.addWorkingDays(lateFriday, 1))).toBe('2026-03-09T16:00:00.000Z'); // Tuesday 00:00 WITA
      expect(iso(wib.addWorkingDays(lateFriday, 1))).toBe('2026-03-09T16:30:00.000Z'); // Monday 23:30 WIB
      // Monday 09:00 local + 5 is Monday 09:00 local a week later: one hour apart as instants.
      expect(iso(wita.addWorkingDays(at('2026-03-02T01:00:00Z'), 5))).toBe('2026-03-09T01:00:00.000Z');
      expect(iso(wib.addWorkingDays(at('2026-03-02T02:00:00Z'), 5))).toBe('2026-03-09T02:00:00.000Z');
    });

    it('keeps the wall-clock time across a daylight-saving change', () => {
      const newYork = new WorkingDayCalendar({ timeZone: 'America/New_York' });
      // Friday 6 March 2026 09:00 EST + 1 -> Monday 9 March 09:00 EDT: 71 hours, not 72.
      expect(iso(newYork.addWorkingDays(at('2026-03-06T14:00:00Z'), 1))).toBe('2026-03-09T13:00:00.000Z');
    });

    it('rejects negative, fractional and absurd counts', () => {
      const from = at('2026-03-02T01:00:00Z');
      expect(() => wita.addWorkingDays(from, -1)).toThrow(RangeError);
      expect(() => wita.addWorkingDays(from, 1.5)).toThrow(RangeError);
      expect(() => wita.addWorkingDays(from, 1e9)).toThrow(RangeError);
      expect(() => wita.subtractWorkingDays(from, -1)).toThrow(RangeError);
    });
  });

  describe('subtractWorkingDays', () => {
    it('lands on the same wall-clock time N working days earlier, skipping weekends and holidays', () => {
      // Monday 9 March 10:00 WITA - 1 -> Friday 6 March 10:00 WITA.
      expect(iso(wita.subtractWorkingDays(at('2026-03-09T02:00:00Z'), 1))).toBe('2026-03-06T02:00:00.000Z');
      // Friday 20 March - 1 -> Wednesday 18 March (Nyepi on Thursday).
      expect(iso(wita.subtractWorkingDays(at('2026-03-20T02:00:00Z'), 1))).toBe('2026-03-18T02:00:00.000Z');
    });

    it('from a weekend counts back from 00:00 of the next working day', () => {
      // Saturday 7 March 10:00 WITA - 1 -> Friday 6 March 00:00 WITA.
      expect(iso(wita.subtractWorkingDays(at('2026-03-07T02:00:00Z'), 1))).toBe('2026-03-05T16:00:00.000Z');
    });

    it('returns the instant itself for 0 working days', () => {
      expect(iso(wita.subtractWorkingDays(at('2026-03-07T02:00:00Z'), 0))).toBe('2026-03-07T02:00:00.000Z');
    });
  });

  describe('addCalendarDays', () => {
    it('ignores weekends and holidays and keeps the wall-clock time', () => {
      expect(iso(wita.addCalendarDays(at('2026-03-18T02:00:00Z'), 2))).toBe('2026-03-20T02:00:00.000Z');
      expect(iso(wita.addCalendarDays(at('2026-03-18T02:00:00Z'), -18))).toBe('2026-02-28T02:00:00.000Z');
      const newYork = new WorkingDayCalendar({ timeZone: 'America/New_York' });
      expect(iso(newYork.addCalendarDays(at('2026-03-07T14:00:00Z'), 1))).toBe('2026-03-08T13:00:00.000Z');
    });
  });

  describe('properties', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const instants = fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }).map((minutes) => new Date(start + minutes * 60_000));
    const holidayLists = fc.uniqueArray(fc.integer({ min: 0, max: 4 * 365 }), { maxLength: 60 }).map((offsets) =>
      offsets.map((offset) => ({ date: addDaysToLocalDate('2025-01-01', offset), name: `Libur ${offset}` })),
    );
    const zones = fc.constantFrom('Asia/Makassar', 'Asia/Jakarta', 'Asia/Jayapura');

    it('addWorkingDays lands on a working day and grows strictly with n', () => {
      fc.assert(
        fc.property(instants, holidayLists, zones, fc.integer({ min: 1, max: 40 }), (from, holidays, timeZone, n) => {
          const calendar = new WorkingDayCalendar({ timeZone, holidays });
          const due = calendar.addWorkingDays(from, n);
          expect(calendar.isWorkingDay(calendar.localDateOf(due))).toBe(true);
          expect(due.getTime()).toBeGreaterThan(from.getTime());
          expect(calendar.addWorkingDays(from, n + 1).getTime()).toBeGreaterThan(due.getTime());
        }),
      );
    });

    it('addWorkingDays never goes back when the start moves later', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 0, max: 7 * 24 * 60 }), holidayLists, zones, fc.integer({ min: 1, max: 20 }), (from, laterBy, holidays, timeZone, n) => {
          const calendar = new WorkingDayCalendar({ timeZone, holidays });
          const later = new Date(from.getTime() + laterBy * 60_000);
          expect(calendar.addWorkingDays(later, n).getTime()).toBeGreaterThanOrEqual(calendar.addWorkingDays(from, n).getTime());
        }),
      );
    });

    it('subtractWorkingDays lands on a working day and undoes addWorkingDays from a working-day start', () => {
      fc.assert(
        fc.property(instants, holidayLists, zones, fc.integer({ min: 1, max: 40 }), (from, holidays, timeZone, n) => {
          const calendar = new WorkingDayCalendar({ timeZone, holidays });
          const back = calendar.subtractWorkingDays(from, n);
          expect(calendar.isWorkingDay(calendar.localDateOf(back))).toBe(true);
          expect(back.getTime()).toBeLessThan(from.getTime());
          const roundTrip = calendar.subtractWorkingDays(calendar.addWorkingDays(from, n), n);
          const expected = calendar.isWorkingDay(calendar.localDateOf(from))
            ? from
            : calendar.startOfDay(calendar.nextWorkingDay(calendar.localDateOf(from)));
          expect(roundTrip.getTime()).toBe(expected.getTime());
        }),
      );
    });
  });
});
