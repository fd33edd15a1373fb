import { describe, expect, it } from '@jest/globals';
import { DEFAULT_OFFICE_HOURS, officeMinutes, sameOfficeHours, validateOfficeHours } from './office-hours.js';

const fields = (input: unknown) => validateOfficeHours(input).map((issue) => issue.field);

describe('office hours', () => {
  it('defaults to the ASN week: Monday to Thursday 07.30-16.00, Friday 07.30-16.30, weekend closed', () => {
    expect(validateOfficeHours(DEFAULT_OFFICE_HOURS)).toEqual([]);
    expect(officeMinutes(DEFAULT_OFFICE_HOURS)).toEqual([
      null,
      { opens: 450, closes: 960 },
      { opens: 450, closes: 960 },
      { opens: 450, closes: 960 },
      { opens: 450, closes: 960 },
      { opens: 450, closes: 990 },
      null,
    ]);
  });

  it('accepts a close at 24:00 and a Saturday office', () => {
    expect(validateOfficeHours({ ...DEFAULT_OFFICE_HOURS, saturday: { opens: '00:00', closes: '24:00' } })).toEqual([]);
  });

  it('names every bad field', () => {
    expect(fields({ ...DEFAULT_OFFICE_HOURS, monday: { opens: '7:30', closes: '16:00' } })).toEqual(['monday.opens']);
    expect(fields({ ...DEFAULT_OFFICE_HOURS, tuesday: { opens: '07:30', closes: '24:01' } })).toEqual(['tuesday.closes']);
    expect(fields({ ...DEFAULT_OFFICE_HOURS, wednesday: { opens: '24:00', closes: '24:00' } })).toEqual(['wednesday.opens']);
    expect(fields({ ...DEFAULT_OFFICE_HOURS, thursday: { opens: '16:00', closes: '16:00' } })).toEqual(['thursday.closes']);
    expect(fields({ ...DEFAULT_OFFICE_HOURS, friday: { opens: '07:30', closes: '16:30', lunch: '12:00' } })).toEqual(['friday.lunch']);
    expect(fields({ ...DEFAULT_OFFICE_HOURS, friday: 'closed' })).toEqual(['friday']);
    expect(fields({ ...DEFAULT_OFFICE_HOURS, funday: null })).toEqual(['funday']);
  });

  it('wants all seven days, closed ones as null, and at least one open', () => {
    const { sunday: _sunday, ...sixDays } = DEFAULT_OFFICE_HOURS;
    expect(fields(sixDays)).toEqual(['sunday']);
    expect(fields(Object.fromEntries(Object.keys(DEFAULT_OFFICE_HOURS).map((day) => [day, null])))).toEqual(['days']);
    expect(fields([])).toEqual(['days']);
    expect(fields(null)).toEqual(['days']);
  });

  it('compares weeks day by day', () => {
    expect(sameOfficeHours(DEFAULT_OFFICE_HOURS, { ...DEFAULT_OFFICE_HOURS })).toBe(true);
    expect(sameOfficeHours(DEFAULT_OFFICE_HOURS, { ...DEFAULT_OFFICE_HOURS, friday: { opens: '07:30', closes: '16:00' } })).toBe(false);
    expect(sameOfficeHours(DEFAULT_OFFICE_HOURS, { ...DEFAULT_OFFICE_HOURS, saturday: { opens: '08:00', closes: '12:00' } })).toBe(false);
  });
});
