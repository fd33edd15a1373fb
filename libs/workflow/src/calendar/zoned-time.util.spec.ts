import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { InvalidTimeZoneError } from './calendar.errors.js';
import { canonicalTimeZone, fromLocalDateTime, startOfLocalDay, toLocalDateTime, zoneOffsetMs } from './zoned-time.util.js';

const at = (iso: string): Date => new Date(iso);
const wall = (date: string, hour: number, minute = 0) => ({ date, hour, minute, second: 0, millisecond: 0 });

describe('zoned time through Intl', () => {
  it('reads the wall clock of WITA (UTC+8), WIB (UTC+7) and WIT (UTC+9)', () => {
    const instant = at('2026-03-02T01:00:00Z');
    expect(toLocalDateTime(instant, 'Asia/Makassar')).toEqual(wall('2026-03-02', 9));
    expect(toLocalDateTime(instant, 'Asia/Jakarta')).toEqual(wall('2026-03-02', 8));
    expect(toLocalDateTime(instant, 'Asia/Jayapura')).toEqual(wall('2026-03-02', 10));
    expect(zoneOffsetMs(instant, 'Asia/Makassar')).toBe(8 * 3_600_000);
  });

  it('gives midnight as hour 0, not 24', () => {
    expect(toLocalDateTime(at('2026-03-01T16:00:00Z'), 'Asia/Makassar')).toEqual(wall('2026-03-02', 0));
  });

  it('keeps milliseconds', () => {
    const local = toLocalDateTime(at('2026-03-02T01:00:00.250Z'), 'Asia/Makassar');
    expect(local.millisecond).toBe(250);
    expect(fromLocalDateTime(local, 'Asia/Makassar').toISOString()).toBe('2026-03-02T01:00:00.250Z');
  });

  it('turns the same wall clock into different instants in WITA and WIB', () => {
    expect(fromLocalDateTime(wall('2026-03-09', 9), 'Asia/Makassar').toISOString()).toBe('2026-03-09T01:00:00.000Z');
    expect(fromLocalDateTime(wall('2026-03-09', 9), 'Asia/Jakarta').toISOString()).toBe('2026-03-09T02:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'Asia/Makassar').toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });

  it('follows daylight saving time instead of a fixed offset', () => {
    // New York moves from UTC-5 to UTC-4 on Sunday 8 March 2026 at 02:00.
    expect(fromLocalDateTime(wall('2026-03-07', 9), 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(fromLocalDateTime(wall('2026-03-09', 9), 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a wall-clock time inside a DST gap forward, and picks the earlier of a repeated one', () => {
    expect(fromLocalDateTime(wall('2026-03-08', 2, 30), 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on Sunday 1 November 2026: first in EDT (UTC-4).
    expect(fromLocalDateTime(wall('2026-11-01', 1, 30), 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips any instant through the wall clock of any zone', () => {
    const zones = ['Asia/Makassar', 'Asia/Jakarta', 'Asia/Jayapura', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const local = toLocalDateTime(instant, zone);
          // In a repeated hour the earlier instant comes back: same wall clock, maybe not the same instant.
          expect(toLocalDateTime(fromLocalDateTime(local, zone), zone)).toEqual(local);
          if (zone.startsWith('Asia/')) expect(fromLocalDateTime(local, zone).getTime()).toBe(instant.getTime());
        },
      ),
    );
  });

  it('reads the same wall clock as Intl itself, the second time too (offsets cached per hour, dates per day)', () => {
    const zones = ['Asia/Makassar', 'America/New_York', 'Australia/Lord_Howe'];
    const intl = (instant: Date, zone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: 'numeric', minute: 'numeric', second: 'numeric' })
          .formatToParts(instant)
          .map((p) => [p.type, p.value]),
      );
      return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second), millisecond: instant.getTime() % 1000 };
    };
    fc.assert(
      fc.property(fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (instant, zone) => {
        expect(toLocalDateTime(instant, zone)).toEqual(intl(instant, zone));
        expect(toLocalDateTime(instant, zone)).toEqual(intl(instant, zone));
      }),
    );
  });

  it('finds the instant a wall clock shows, as Intl reads it, also around zone changes: the earlier of a repeated time, a time in a gap by the offset before', () => {
    const offsetAt = (t: number, zone: string) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
          .formatToParts(new Date(t))
          .filter((part) => part.type !== 'literal')
          .map((part) => [part.type, Number(part.value)]),
      );
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (t - (t % 1000));
    };
    // every offset the zone has within two days of the wall clock, each tried: the earliest instant that reads it, else (a gap) the offset a day before
    const expected = (asUtc: number, zone: string) => {
      const offsets = new Set(Array.from({ length: 97 }, (_, k) => offsetAt(asUtc + (k - 48) * 3_600_000, zone)));
      const reading = [...offsets].map((offset) => asUtc - offset).filter((t) => t + offsetAt(t, zone) === asUtc);
      return reading.length > 0 ? Math.min(...reading) : asUtc - offsetAt(asUtc - 86_400_000, zone);
    };
    const zones = ['Asia/Makassar', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo'];
    // wall clocks in the months zones change in (March, April, September to November), to the minute
    const clock = fc.record({
      year: fc.integer({ min: 2000, max: 2039 }),
      month: fc.constantFrom(3, 4, 9, 10, 11),
      day: fc.integer({ min: 1, max: 28 }),
      minuteOfDay: fc.integer({ min: 0, max: 1439 }),
    });
    fc.assert(
      fc.property(clock, fc.constantFrom(...zones), ({ year, month, day, minuteOfDay }, zone) => {
        const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const local = wall(date, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
        const asUtc = Date.UTC(year, month - 1, day, local.hour, local.minute);
        expect({ zone, local, at: fromLocalDateTime(local, zone).getTime() }).toEqual({ zone, local, at: expected(asUtc, zone) });
      }),
      { numRuns: 300 },
    );
    // and at the changes themselves: New York's gap and repeated hour, Berlin's, Lord Howe's half hour
    for (const [date, hour, minute, zone] of [['2026-03-08', 2, 30, 'America/New_York'], ['2026-11-01', 1, 30, 'America/New_York'], ['2026-03-29', 2, 15, 'Europe/Berlin'], ['2026-10-25', 2, 15, 'Europe/Berlin'], ['2026-10-04', 2, 10, 'Australia/Lord_Howe'], ['2026-04-05', 1, 45, 'Australia/Lord_Howe']] as const) {
      const asUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)), hour, minute);
      expect({ date, zone, at: fromLocalDateTime(wall(date, hour, minute), zone).getTime() }).toEqual({ date, zone, at: expected(asUtc, zone) });
    }
  });

  it('rejects unknown zones and canonicalises known ones', () => {
    expect(() => canonicalTimeZone('Asia/Samarinda')).toThrow(InvalidTimeZoneError);
    expect(() => canonicalTimeZone('')).toThrow(InvalidTimeZoneError);
    expect(() => toLocalDateTime(at('2026-03-02T00:00:00Z'), 'WITA')).toThrow(InvalidTimeZoneError);
    expect(() => toLocalDateTime(at('2026-03-02T00:00:00Z'), undefined as unknown as string)).toThrow(InvalidTimeZoneError);
    expect(canonicalTimeZone('asia/makassar')).toBe('Asia/Makassar');
  });

  it('rejects an invalid Date', () => {
    expect(() => toLocalDateTime(new Date('nope'), 'Asia/Makassar')).toThrow(RangeError);
  });
});
