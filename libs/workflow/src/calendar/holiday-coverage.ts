import { localDateParts, type LocalDate } from './local-date.util.js';

/**
 * From this month on, next year's national holidays are expected to be entered: the SKB 3 Menteri
 * that fixes them usually comes out in September, and working-day deadlines reach into January
 * from the last weeks of December.
 */
export const NEXT_YEAR_HOLIDAYS_EXPECTED_FROM_MONTH = 10;

/** The years whose national holidays must be known on `today`: this year and, from October, the next. */
export function holidayYearsExpected(today: LocalDate): number[] {
  const { year, month } = localDateParts(today);
  return month >= NEXT_YEAR_HOLIDAYS_EXPECTED_FROM_MONTH ? [year, year + 1] : [year];
}

/**
 * The expected years without a single national holiday entered. Working-day deadlines falling in
 * them would count every Monday to Friday, Idul Fitri and 17 Agustus included, as a working day.
 */
export function missingNationalHolidayYears(today: LocalDate, yearsWithNationalHolidays: readonly number[]): number[] {
  return holidayYearsExpected(today).filter((year) => !yearsWithNationalHolidays.includes(year));
}
