import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidLocalDateError, InvalidTimeZoneError } from './calendar.errors.js';
import { addDaysToLocalDate } from './local-date.util.js';
import { DEFAULT_OFFICE_HOURS, InvalidOfficeHoursError } from './office-hours.js';
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
      expect(wita.isClosedWeekday('2026-03-07')).toBe(true);
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

  describe('office hours', () => {
    it('opens Monday to Thursday 07.30-16.00 and Friday 07.30-16.30 by default (ASN)', () => {
      // Thursday 5 and Friday 6 March 2026, WITA = UTC+8.
      expect(wita.officeSpanOn('2026-03-05')).toEqual({ date: '2026-03-05', opens: at('2026-03-04T23:30:00Z'), closes: at('2026-03-05T08:00:00Z') });
      expect(wita.officeSpanOn('2026-03-06')?.closes).toEqual(at('2026-03-06T08:30:00Z'));
      expect(wita.officeSpanOn('2026-03-07')).toBeNull(); // Saturday
      expect(wita.officeSpanOn('2026-03-19')).toBeNull(); // Nyepi
      expect(wita.officeHours).toEqual(DEFAULT_OFFICE_HOURS);
    });

    it('is open from the opening to the closing minute, both included', () => {
      expect(wita.isInOfficeHours(at('2026-03-04T23:29:59Z'))).toBe(false); // Thursday 07.29.59
      expect(wita.isInOfficeHours(at('2026-03-04T23:30:00Z'))).toBe(true);
      expect(wita.isInOfficeHours(at('2026-03-05T08:00:00Z'))).toBe(true); // 16.00
      expect(wita.isInOfficeHours(at('2026-03-05T08:00:01Z'))).toBe(false);
      expect(wita.isInOfficeHours(at('2026-03-06T08:15:00Z'))).toBe(true); // Friday 16.15
      expect(wita.isInOfficeHours(at('2026-03-07T02:00:00Z'))).toBe(false); // Saturday 10.00
    });

    it('counts from the next opening outside office hours: night, Friday evening, weekend, holiday', () => {
      expect(iso(wita.atOrNextOpening(at('2026-03-04T20:12:00Z')))).toBe('2026-03-04T23:30:00.000Z'); // Thursday 04.12 -> 07.30
      expect(iso(wita.atOrNextOpening(at('2026-03-05T07:59:00Z')))).toBe('2026-03-05T07:59:00.000Z'); // 15.59 stays
      expect(iso(wita.atOrNextOpening(at('2026-03-05T08:01:00Z')))).toBe('2026-03-05T23:30:00.000Z'); // 16.01 -> Friday 07.30
      expect(iso(wita.atOrNextOpening(at('2026-03-06T08:45:00Z')))).toBe('2026-03-08T23:30:00.000Z'); // Friday 16.45 -> Monday
      expect(iso(wita.atOrNextOpening(at('2026-03-07T02:00:00Z')))).toBe('2026-03-08T23:30:00.000Z'); // Saturday -> Monday
      expect(iso(wita.atOrNextOpening(at('2026-03-18T09:00:00Z')))).toBe('2026-03-19T23:30:00.000Z'); // Wednesday 17.00 -> Friday (Nyepi)
    });

    it("follows the government's own hours: a Saturday office, a short Friday, a close at midnight", () => {
      const sixDays = wita.withOfficeHours({ ...DEFAULT_OFFICE_HOURS, friday: { opens: '07:30', closes: '11:00' }, saturday: { opens: '08:00', closes: '12:00' } });
      expect(sixDays.isWorkingDay('2026-03-07')).toBe(true);
      expect(sixDays.isClosedWeekday('2026-03-08')).toBe(true);
      expect(iso(sixDays.atOrNextOpening(at('2026-03-06T03:30:00Z')))).toBe('2026-03-07T00:00:00.000Z'); // Friday 11.30 -> Saturday 08.00
      expect(sixDays.holidays).toEqual(wita.holidays);
      const lateShift = wita.withOfficeHours({ ...DEFAULT_OFFICE_HOURS, monday: { opens: '20:00', closes: '24:00' } });
      expect(lateShift.officeSpanOn('2026-03-09')?.closes).toEqual(at('2026-03-09T16:00:00Z')); // Tuesday 00.00 WITA
    });

    it('refuses office hours with no open day or a day that closes before it opens', () => {
      const closed = { monday: null, tuesday: null, wednesday: null, thursday: null, friday: null, saturday: null, sunday: null };
      expect(() => wita.withOfficeHours(closed)).toThrow(InvalidOfficeHoursError);
      expect(() => wita.withOfficeHours({ ...DEFAULT_OFFICE_HOURS, monday: { opens: '16:00', closes: '07:30' } })).toThrow(/monday\.closes/);
    });
  });

  describe('addWorkingDays: to the close of office on the Nth working day', () => {
    it('from Wednesday 04.12 counts from 07.30 that day: 3 working days end on Monday at 16.00', () => {
      // Wednesday 2 December 2026, 04.12 WITA.
      expect(iso(wita.addWorkingDays(at('2026-12-01T20:12:00Z'), 3))).toBe('2026-12-07T08:00:00.000Z');
    });

    it('from Thursday 15.59 counts Thursday; from 16.01 counts from Friday 07.30', () => {
      expect(iso(wita.addWorkingDays(at('2026-12-03T07:59:00Z'), 3))).toBe('2026-12-08T08:00:00.000Z'); // Tuesday 16.00
      expect(iso(wita.addWorkingDays(at('2026-12-03T08:01:00Z'), 3))).toBe('2026-12-09T08:00:00.000Z'); // Wednesday 16.00
    });

    it('from Friday after 16.30 and from Saturday counts from Monday 07.30; Friday 16.20 is still Friday', () => {
      expect(iso(wita.addWorkingDays(at('2026-12-04T08:45:00Z'), 3))).toBe('2026-12-10T08:00:00.000Z'); // Friday 16.45 -> Thursday
      expect(iso(wita.addWorkingDays(at('2026-12-05T02:00:00Z'), 3))).toBe('2026-12-10T08:00:00.000Z'); // Saturday 10.00 -> Thursday
      expect(iso(wita.addWorkingDays(at('2026-12-04T08:20:00Z'), 3))).toBe('2026-12-09T08:00:00.000Z'); // Friday 16.20 -> Wednesday
    });

    it('ends at 16.30 when the Nth working day is a Friday', () => {
      expect(iso(wita.addWorkingDays(at('2026-12-01T02:00:00Z'), 3))).toBe('2026-12-04T08:30:00.000Z'); // Tuesday -> Friday 16.30
    });

    it('skips a holiday the day after the entry, and counts from after it when entered after closing the day before', () => {
      // Wednesday 18 March 2026 (Nyepi on Thursday 19).
      expect(iso(wita.addWorkingDays(at('2026-03-18T02:00:00Z'), 3))).toBe('2026-03-24T08:00:00.000Z'); // 10.00: Fri, Mon, Tue
      expect(iso(wita.addWorkingDays(at('2026-03-18T09:00:00Z'), 3))).toBe('2026-03-25T08:00:00.000Z'); // 17.00: from Friday
      expect(iso(wita.addWorkingDays(at('2026-03-19T02:00:00Z'), 1))).toBe('2026-03-23T08:00:00.000Z'); // on Nyepi: from Friday
    });

    it('crosses the year with New Year as a holiday', () => {
      // Wednesday 30 December 2026 10.00 WITA + 2 -> Thursday 31, (Friday 1 January off, weekend) Monday 4 January 2027.
      expect(iso(wita.addWorkingDays(at('2026-12-30T02:00:00Z'), 2))).toBe('2027-01-04T08:00:00.000Z');
      expect(iso(wita.withHolidays([]).addWorkingDays(at('2026-12-30T02:00:00Z'), 2))).toBe('2027-01-01T08:30:00.000Z');
    });

    it('returns the instant itself for 0 working days, even on a weekend', () => {
      expect(iso(wita.addWorkingDays(at('2026-03-07T02:00:00Z'), 0))).toBe('2026-03-07T02:00:00.000Z');
    });

    it('reads the office clock in its own zone: WIB, WITA and WIT differ for the same instant', () => {
      const wit = new WorkingDayCalendar({ timeZone: 'Asia/Jayapura' });
      // Wednesday 2 December 23.00Z: 06.00 WIB and 07.00 WITA (before opening), 08.00 WIT (open).
      const morning = at('2026-12-01T23:00:00Z');
      expect([wib, wita, wit].map((c) => iso(c.atOrNextOpening(morning)))).toEqual([
        '2026-12-02T00:30:00.000Z', // 07.30 WIB
        '2026-12-01T23:30:00.000Z', // 07.30 WITA
        '2026-12-01T23:00:00.000Z', // 08.00 WIT, as it is
      ]);
      // All three end on Monday at 16.00 local: three instants an hour apart.
      expect([wib, wita, wit].map((c) => iso(c.addWorkingDays(morning, 3)))).toEqual([
        '2026-12-07T09:00:00.000Z',
        '2026-12-07T08:00:00.000Z',
        '2026-12-07T07:00:00.000Z',
      ]);
      // Thursday 3 December 08.30Z: 15.30 WIB (open), 16.30 WITA and 17.30 WIT (closed): 1 working day ends Friday or Monday.
      const afternoon = at('2026-12-03T08:30:00Z');
      expect([wib, wita, wit].map((c) => iso(c.addWorkingDays(afternoon, 1)))).toEqual([
        '2026-12-04T09:30:00.000Z', // Friday 16.30 WIB
        '2026-12-07T08:00:00.000Z', // Monday 16.00 WITA
        '2026-12-07T07:00:00.000Z', // Monday 16.00 WIT
      ]);
    });

    it('closes by the wall clock across a daylight-saving change', () => {
      const newYork = new WorkingDayCalendar({ timeZone: 'America/New_York' });
      // Friday 6 March 2026 09:00 EST + 1 -> Monday 9 March 16:00 EDT.
      expect(iso(newYork.addWorkingDays(at('2026-03-06T14:00:00Z'), 1))).toBe('2026-03-09T20:00:00.000Z');
    });

    it('rejects negative, fractional and absurd counts', () => {
      const from = at('2026-03-02T01:00:00Z');
      expect(() => wita.addWorkingDays(from, -1)).toThrow(RangeError);
      expect(() => wita.addWorkingDays(from, 1.5)).toThrow(RangeError);
      expect(() => wita.addWorkingDays(from, 1e9)).toThrow(RangeError);
      expect(() => wita.subtractWorkingDays(from, -1)).toThrow(RangeError);
      expect(() => wita.addOfficeTime(from, -1)).toThrow(RangeError);
    });
  });

  describe('addOfficeTime: office hours only', () => {
    const HOUR = 3_600_000;

    it('PT4H from Thursday 14.00 runs 2 hours to the close and 2 more from Friday 07.30', () => {
      expect(iso(wita.addOfficeTime(at('2026-12-03T06:00:00Z'), 4 * HOUR))).toBe('2026-12-04T01:30:00.000Z'); // Friday 09.30
    });

    it('PT4H from Friday 15.00 goes over the weekend to Monday 10.00; from Saturday it starts Monday 07.30', () => {
      expect(iso(wita.addOfficeTime(at('2026-12-04T07:00:00Z'), 4 * HOUR))).toBe('2026-12-07T02:00:00.000Z');
      expect(iso(wita.addOfficeTime(at('2026-12-05T02:00:00Z'), 4 * HOUR))).toBe('2026-12-07T03:30:00.000Z'); // 11.30
    });

    it('ends at the close itself when the time runs out exactly then', () => {
      expect(iso(wita.addOfficeTime(at('2026-12-03T04:00:00Z'), 4 * HOUR))).toBe('2026-12-03T08:00:00.000Z'); // 12.00 + 4h = 16.00
    });

    it('counts in the zone of the calendar: the same instant, WIB and WITA', () => {
      // Thursday 3 December 07.00Z: 14.00 WIB (2 hours left) and 15.00 WITA (1 hour left).
      expect(iso(wib.addOfficeTime(at('2026-12-03T07:00:00Z'), 4 * HOUR))).toBe('2026-12-04T02:30:00.000Z'); // Friday 09.30 WIB
      expect(iso(wita.addOfficeTime(at('2026-12-03T07:00:00Z'), 4 * HOUR))).toBe('2026-12-04T02:30:00.000Z'); // Friday 10.30 WITA
    });

    it('subtracts office time back over the night and the weekend', () => {
      expect(iso(wita.subtractOfficeTime(at('2026-12-07T02:00:00Z'), 4 * HOUR))).toBe('2026-12-04T07:00:00.000Z'); // Monday 10.00 -> Friday 15.00
      expect(iso(wita.subtractOfficeTime(at('2026-12-05T02:00:00Z'), HOUR))).toBe('2026-12-04T07:30:00.000Z'); // Saturday -> Friday 15.30
    });

    it('measures office time between two instants', () => {
      expect(wita.officeTimeBetween(at('2026-12-03T06:00:00Z'), at('2026-12-04T01:30:00Z'))).toBe(4 * HOUR);
      expect(wita.officeTimeBetween(at('2026-12-04T09:00:00Z'), at('2026-12-06T09:00:00Z'))).toBe(0); // Friday evening to Sunday
      expect(wita.officeTimeBetween(at('2026-12-04T01:30:00Z'), at('2026-12-03T06:00:00Z'))).toBe(0);
    });
  });

  describe('subtractWorkingDays', () => {
    it('lands on the same wall-clock time N working days earlier, within that day\'s office hours', () => {
      expect(iso(wita.subtractWorkingDays(at('2026-12-07T08:00:00Z'), 1))).toBe('2026-12-04T08:00:00.000Z'); // Monday 16.00 -> Friday 16.00
      expect(iso(wita.subtractWorkingDays(at('2026-12-04T08:30:00Z'), 1))).toBe('2026-12-03T08:00:00.000Z'); // Friday 16.30 -> Thursday 16.00
      expect(iso(wita.subtractWorkingDays(at('2026-03-20T02:00:00Z'), 1))).toBe('2026-03-18T02:00:00.000Z'); // over Nyepi
    });

    it('from outside office hours counts back from the last close', () => {
      expect(iso(wita.subtractWorkingDays(at('2026-12-05T02:00:00Z'), 1))).toBe('2026-12-03T08:00:00.000Z'); // Saturday -> Thursday 16.00
      expect(iso(wita.subtractWorkingDays(at('2026-12-07T20:00:00Z'), 1))).toBe('2026-12-04T08:00:00.000Z'); // Tuesday 04.00 -> Monday 16.00 -> Friday 16.00
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
    const calendars = fc.tuple(holidayLists, zones).map(([holidays, timeZone]) => new WorkingDayCalendar({ timeZone, holidays }));

    it('addWorkingDays ends at a close of office, after the start, and grows strictly with n', () => {
      fc.assert(
        fc.property(instants, calendars, fc.integer({ min: 1, max: 40 }), (from, calendar, n) => {
          const due = calendar.addWorkingDays(from, n);
          expect(calendar.officeSpanOn(calendar.localDateOf(due))?.closes).toEqual(due);
          expect(due.getTime()).toBeGreaterThan(from.getTime());
          expect(calendar.addWorkingDays(from, n + 1).getTime()).toBeGreaterThan(due.getTime());
        }),
      );
    });

    it('addWorkingDays never goes back when the start moves later', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 0, max: 7 * 24 * 60 }), calendars, fc.integer({ min: 1, max: 20 }), (from, laterBy, calendar, n) => {
          const later = new Date(from.getTime() + laterBy * 60_000);
          expect(calendar.addWorkingDays(later, n).getTime()).toBeGreaterThanOrEqual(calendar.addWorkingDays(from, n).getTime());
        }),
      );
    });

    it('addOfficeTime adds exactly that much office time and lands in office hours', () => {
      fc.assert(
        fc.property(instants, calendars, fc.integer({ min: 1, max: 60 * 60 }), (from, calendar, minutes) => {
          const end = calendar.addOfficeTime(from, minutes * 60_000);
          expect(calendar.isInOfficeHours(end)).toBe(true);
          expect(calendar.officeTimeBetween(from, end)).toBe(minutes * 60_000);
          // going back lands where counting started, or earlier: no office time lies between them (from a
          // close, counting starts at that close and going back lands at the next opening, the same point)
          expect(calendar.officeTimeBetween(calendar.atOrNextOpening(from), calendar.subtractOfficeTime(end, minutes * 60_000))).toBe(0);
        }),
      );
    });

    it('from a close, one office minute ends a minute after the next opening, and going back lands at that opening', () => {
      const fridayClose = at('2027-12-03T09:30:00Z'); // 16.30 WIB, Friday's close
      const end = wib.addOfficeTime(fridayClose, 60_000);
      expect(end).toEqual(at('2027-12-06T00:31:00Z')); // Monday 07.31 WIB
      expect(wib.subtractOfficeTime(end, 60_000)).toEqual(at('2027-12-06T00:30:00Z'));
      expect(wib.officeTimeBetween(fridayClose, at('2027-12-06T00:30:00Z'))).toBe(0);
    });

    it('subtractWorkingDays lands in office hours, before the instant', () => {
      fc.assert(
        fc.property(instants, calendars, fc.integer({ min: 1, max: 40 }), (from, calendar, n) => {
          const back = calendar.subtractWorkingDays(from, n);
          expect(calendar.isInOfficeHours(back)).toBe(true);
          expect(back.getTime()).toBeLessThan(from.getTime());
        }),
      );
    });
  });
});
