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
