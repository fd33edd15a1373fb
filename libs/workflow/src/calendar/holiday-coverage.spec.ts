import { holidayYearsExpected, missingNationalHolidayYears } from './holiday-coverage.js';

describe('holiday coverage', () => {
  it('expects this year until the end of September, and next year too from 1 October', () => {
    expect(holidayYearsExpected('2027-01-01')).toEqual([2027]);
    expect(holidayYearsExpected('2027-09-30')).toEqual([2027]);
    expect(holidayYearsExpected('2027-10-01')).toEqual([2027, 2028]);
    expect(holidayYearsExpected('2027-12-31')).toEqual([2027, 2028]);
  });

  it('names the expected years that have no national holiday', () => {
    expect(missingNationalHolidayYears('2026-12-04', [2026, 2027])).toEqual([]);
    expect(missingNationalHolidayYears('2027-12-04', [2026, 2027])).toEqual([2028]);
    expect(missingNationalHolidayYears('2028-02-01', [2026, 2027])).toEqual([2028]);
    expect(missingNationalHolidayYears('2027-06-01', [2026, 2028])).toEqual([2027]);
    expect(missingNationalHolidayYears('2027-06-01', [])).toEqual([2027]);
  });
});
