import { assertLocalDate, type LocalDate } from './local-date.util.js';

/**
 * A day off that is not a weekend: a national or local holiday or a cuti bersama day.
 * Whether it is national or a government's own is the caller's concern; a calendar holds the union.
 */
export interface Holiday {
  readonly date: LocalDate;
  readonly name: string;
}

/**
 * Validated, de-duplicated (same date and name) and sorted by date then name.
 * Throws `InvalidLocalDateError` for a bad date and `TypeError` for an empty name.
 */
export function normalizeHolidays(holidays: readonly Holiday[]): readonly Holiday[] {
  const byKey = new Map<string, Holiday>();
  for (const holiday of holidays) {
    assertLocalDate(holiday.date);
    const name = typeof holiday.name === 'string' ? holiday.name.trim() : '';
    if (name === '') throw new TypeError(`Holiday on ${holiday.date} has no name`);
    byKey.set(`${holiday.date}\u0000${name}`, Object.freeze({ date: holiday.date, name }));
  }
  return Object.freeze(
    [...byKey.values()].sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name) : a.date < b.date ? -1 : 1)),
  );
}
