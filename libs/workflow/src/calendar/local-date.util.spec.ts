import { describe, expect, it } from '@jest/globals';
import { InvalidLocalDateError } from './calendar.errors.js';
import { addDaysToLocalDate, assertLocalDate, isLocalDate, localDateParts, weekdayOf } from './local-date.util.js';

describe('local dates', () => {
  it('accepts real dates, leap days included', () => {
    expect(isLocalDate('2026-03-02')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(localDateParts('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-2', '20260302', '2026-03-02T00:00', '', '0000-01-01'])(
    'rejects %p',
    (input) => {
      expect(isLocalDate(input)).toBe(false);
      expect(() => assertLocalDate(input)).toThrow(InvalidLocalDateError);
    },
  );

  it('rejects values that are not strings', () => {
    expect(isLocalDate(20260302)).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });

  it('knows the weekday: 2 March 2026 is a Monday, 1 January 2027 a Friday', () => {
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-01')).toBe(0);
    expect(weekdayOf('2027-01-01')).toBe(5);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDaysToLocalDate('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysToLocalDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToLocalDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('answers the same once a date is cached, and still refuses impossible dates next to cached ones', () => {
    for (let round = 0; round < 2; round++) {
      expect(addDaysToLocalDate('2026-02-28', 1)).toBe('2026-03-01');
      expect(weekdayOf('2026-03-02')).toBe(1);
      expect(() => assertLocalDate('2026-02-29')).toThrow(InvalidLocalDateError);
      expect(() => assertLocalDate('2026-13-01')).toThrow(InvalidLocalDateError);
    }
  });
});
